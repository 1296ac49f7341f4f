namespace ClassScan.State;

/// <summary>
/// The state file was written by a newer ClassScan. It is healthy, only not ours to read: it is left exactly as it
/// is (not moved, not migrated down), because the newer version that wrote it is probably still in use.
/// </summary>
public sealed class StateSchemaTooNewException(string path, int found, int supported)
    : Exception($"tillståndsfilen {path} är skapad av en nyare ClassScan (schema {found}); den här versionen läser schema {supported}. Filen lämnas orörd: uppgradera ClassScan eller ange en annan --state.")
{
    public int Found { get; } = found;
}
