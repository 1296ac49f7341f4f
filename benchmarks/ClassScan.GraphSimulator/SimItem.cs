namespace ClassScan.GraphSimulator;

/// <summary>
/// A file as it is at one generation: a pure function of (drive, index, generation) and the seed.
/// <see cref="ContentVersion"/> counts edits, <see cref="NameVersion"/> renames; <see cref="LastChange"/> is the
/// generation of its creation or latest change (delta lists it when that is after the client's token).
/// </summary>
internal readonly record struct SimItem(
    SimDrive Drive, long Index, int Created, int ContentVersion, int NameVersion, bool Deleted, int LastChange, int Folder, ContentTemplate Template, string NameBase)
{
    public string Id => Drive.ItemId(Index);

    public string Reference => $"SIM-{Drive.Index:D4}-{Index}-v{ContentVersion}";

    public string Name => $"{NameBase}_{Index:D6}{(NameVersion == 0 ? "" : $" rev{NameVersion}")}{Template.Extension}";
}
