using System.Buffers.Binary;
using System.Text;

namespace ClassScan.Extraction.Tests.Legacy;

/// <summary>
/// Writes an [MS-OLEPS] property set stream (SummaryInformation / DocumentSummaryInformation) with code page
/// 1252 and 8-bit string properties; a section may carry a dictionary naming its user-defined properties.
/// </summary>
internal static class PropertySetBuilder
{
    public static byte[] Build(params (IReadOnlyList<(uint Id, string Value)> Properties, IReadOnlyList<(uint Id, string Name)>? Names)[] sections)
    {
        var bodies = sections.Select(s => Section(s.Properties, s.Names)).ToList();
        var header = new byte[28 + (20 * sections.Length)];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0xFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)sections.Length);
        int offset = header.Length;
        for (int i = 0; i < sections.Length; i++)
        {
            header[28 + (20 * i)] = (byte)(i + 1); // FMTID: not checked by the reader
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28 + (20 * i) + 16), (uint)offset);
            offset += bodies[i].Length;
        }
        return [.. header, .. bodies.SelectMany(b => b)];
    }

    private static byte[] Section(IReadOnlyList<(uint Id, string Value)> properties, IReadOnlyList<(uint Id, string Name)>? names)
    {
        var values = new List<(uint Id, byte[] Bytes)> { (1, [0x02, 0, 0, 0, 0xE4, 0x04, 0, 0]) }; // VT_I2 code page 1252
        if (names is not null)
        {
            var dict = new List<byte>(BitConverter.GetBytes((uint)names.Count));
            foreach (var (id, name) in names)
            {
                var bytes = Encoding.Latin1.GetBytes(name + "\0");
                dict.AddRange(BitConverter.GetBytes(id));
                dict.AddRange(BitConverter.GetBytes((uint)bytes.Length));
                dict.AddRange(bytes);
            }
            values.Add((0, Pad([.. dict])));
        }
        foreach (var (id, value) in properties)
        {
            var bytes = Encoding.Latin1.GetBytes(value + "\0");
            values.Add((id, Pad([0x1E, 0, 0, 0, .. BitConverter.GetBytes((uint)bytes.Length), .. bytes])));
        }

        int tableSize = 8 + (8 * values.Count);
        var span = new byte[tableSize];
        int at = tableSize;
        for (int i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span.AsSpan(8 + (8 * i)), values[i].Id);
            BinaryPrimitives.WriteUInt32LittleEndian(span.AsSpan(12 + (8 * i)), (uint)at);
            at += values[i].Bytes.Length;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)at);
        BinaryPrimitives.WriteUInt32LittleEndian(span.AsSpan(4), (uint)values.Count);
        return [.. span, .. values.SelectMany(v => v.Bytes)];
    }

    private static byte[] Pad(byte[] b) => [.. b, .. new byte[(4 - (b.Length % 4)) % 4]];
}
