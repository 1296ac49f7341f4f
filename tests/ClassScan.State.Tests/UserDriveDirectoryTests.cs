using ClassScan.State.Postgres;
using ClassScan.State.Sqlite;
using ClassScan.TestSupport.Postgres;
using ClassScan.TestSupport.Engines;

namespace ClassScan.State.Tests;

/// <summary>The users directory of --all-onedrives, the same behaviour on both engines (subclasses open the store;
/// opening twice reaches the same state).</summary>
public abstract class UserDriveDirectoryContract
{
    /// <summary>Opens the state under test; a second call reaches the same state (reopen).</summary>
    protected abstract IScanStateStore Open();

    [ContractFact]
    public void NewState_NoLinkAndNoUsers()
    {
        using var store = Open();

        Assert.Null(Users(store).GetUsersDeltaLink());
        Assert.Empty(Users(store).GetUserDrives());
    }

    [ContractFact]
    public void SaveUserDrives_PagesThenReopen_UpsertedRemovedAndLastLinkKept()
    {
        using (var store = Open())
        {
            Users(store).SaveUserDrives([new("u2", "b!2", "OneDrive Bo Ek", "https://x/personal/bo"), new("u1", null, "OneDrive Anna Berg", null)], [], "https://g/users/delta?skip=2");
            Users(store).SaveUserDrives([new("u2", "b!2", "OneDrive Bo Eklund", "https://x/personal/bo"), new("u3", "b!3", "OneDrive Cy", null)], ["u1", "finns-inte"], "https://g/users/delta?token=7");
        }

        using var reopened = Open();

        Assert.Equal("https://g/users/delta?token=7", Users(reopened).GetUsersDeltaLink());
        Assert.Equal([new UserDrive("u2", "b!2", "OneDrive Bo Eklund", "https://x/personal/bo"), new UserDrive("u3", "b!3", "OneDrive Cy", null)], Users(reopened).GetUserDrives());
    }

    [ContractFact]
    public void SaveUserDrives_DriveNodesWithTheSameIds_Untouched()
    {
        using var store = Open();
        store.UpsertScope(new ScopeRecord("b!2", ScopeRecord.GraphDriveKind, "OneDrive Bo Ek", null), store.BeginRun("graph", null));
        store.ApplyNode("b!2", new FeedEntry { ItemId = "u2", Kind = FeedEntryKind.Folder, Name = "Mapp" }, "Mapp", removeEntry: false);

        Users(store).SaveUserDrives([new("u2", "b!2", "OneDrive Bo Ek", null)], [], "l1");
        Users(store).SaveUserDrives([], ["u2"], "l2");

        Assert.Empty(Users(store).GetUserDrives());
        Assert.Equal("Mapp", store.GetNode("b!2", "u2")?.Path); // a drive's folder with an id like a user's stays
        Assert.DoesNotContain(store.GetScopes(), s => s.Scope == "graph-users");
    }

    private static IUserDriveDirectory Users(IScanStateStore store) => (IUserDriveDirectory)store;
}

public sealed class SqliteUserDriveDirectoryTests : UserDriveDirectoryContract, IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-users-");

    protected override IScanStateStore Open() => SqliteStateStore.Open(Path.Combine(work.FullName, "state.db"));

    public void Dispose()
    {
        try { work.Delete(recursive: true); } catch (IOException) { }
    }
}

[RequiresPostgres]
[Trait("Category", PostgresAvailability.Category)]
public sealed class PostgresUserDriveDirectoryTests : UserDriveDirectoryContract, IDisposable
{
    private readonly Lazy<PostgresDatabase> database = new(PostgresDatabase.Create);

    protected override IScanStateStore Open() => PostgresStateStore.Open(database.Value.ConnectionString);

    public void Dispose()
    {
        if (database.IsValueCreated) database.Value.Dispose();
    }
}
