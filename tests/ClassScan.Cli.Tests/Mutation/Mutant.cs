namespace ClassScan.Cli.Tests.Mutation;

/// <summary>One damaged variant of a seed file: <c>seed#mutation</c> names it so a failure can be reproduced.</summary>
internal sealed record Mutant(string Seed, string Mutation, string FileName, byte[] Bytes)
{
    public string Name => $"{Seed}#{Mutation}";
}
