namespace ClassScan.GraphSimulator;

/// <summary>One small text-bearing file of the dev corpus that simulated items are made from, with its label.</summary>
internal sealed record ContentTemplate(string Name, string Extension, string DocType, byte[] Bytes, bool MustLeave);
