namespace ClassScan.TestSupport.Documents;

/// <summary>A storage or stream of a compound file written by <see cref="CompoundTreeWriter"/>.</summary>
public abstract record CfbNode(string Name)
{
    /// <summary>A storage (a folder) and its children, in the order they are written.</summary>
    public sealed record Storage(string Name, IReadOnlyList<CfbNode> Children) : CfbNode(Name);

    /// <summary>A stream (a file) and its bytes.</summary>
    public sealed record Stream(string Name, byte[] Data) : CfbNode(Name);
}
