namespace ClassScan.State;

/// <summary>
/// The state (a SQLite file or a PostgreSQL database) was written by a newer ClassScan. It is healthy, only not ours
/// to read: it is left exactly as it is (not moved, not migrated down), because the newer version that wrote it is
/// probably still in use.
/// </summary>
/// <param name="path">The file's path, or the database as messages name it ("PostgreSQL-databasen X på host", no password).</param>
/// <param name="isDatabase">True for a PostgreSQL database, so the message does not call it a file.</param>
public sealed class StateSchemaTooNewException(string path, int found, int supported, bool isDatabase = false)
    : Exception($"{(isDatabase ? "" : "tillståndsfilen ")}{path} är skapad av en nyare ClassScan (schema {found}); den här versionen läser schema {supported}. {(isDatabase ? "Databasen" : "Filen")} lämnas orörd: uppgradera ClassScan eller ange en annan --state.")
{
    public int Found { get; } = found;
}
