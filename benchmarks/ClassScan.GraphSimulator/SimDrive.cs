namespace ClassScan.GraphSimulator;

/// <summary>
/// One drive's shape (a few numbers, not its items): <see cref="BaseCount"/> files at generation 0, and
/// <see cref="NewPerGeneration"/> new files each generation after, under <see cref="Folders"/> folders.
/// </summary>
internal sealed record SimDrive(int Index, string Id, string Name, bool OneDrive, string WebUrl, string? Owner, long BaseCount, long NewPerGeneration, int Folders)
{
    public string RootId => $"{Index:D4}r";

    public string FolderId(int f) => $"{Index:D4}f{f}";

    public string ItemId(long i) => $"{Index:D4}i{i}";

    /// <summary>Files ever created up to and including <paramref name="generation"/>.</summary>
    public long MaxIndex(int generation) => BaseCount + generation * NewPerGeneration;

    /// <summary>The generation an index was created in.</summary>
    public int CreatedIn(long i) => i < BaseCount ? 0 : 1 + (int)((i - BaseCount) / Math.Max(1, NewPerGeneration));

    /// <summary>Folder f's parent: -1 is the root; folders form a tree four wide, parents before children.</summary>
    public static int ParentOf(int f) => f == 0 ? -1 : (f - 1) / 4;
}
