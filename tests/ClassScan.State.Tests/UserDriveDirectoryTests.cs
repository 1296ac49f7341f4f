using ClassScan.State.Sqlite;

namespace ClassScan.State.Tests;

public sealed class UserDriveDirectoryTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-users-");

    private string StatePath => Path.Combine(work.FullName, "state.db");

    public void Dispose()
    {
        try { work.Delete(recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void NewState_NoLinkAndNoUsers()
    {
        using var store = SqliteStateStore.Open(StatePath);

        Assert.Null(store.GetUsersDeltaLink());
        Assert.Empty(store.GetUserDrives());
    }

    [Fact]
    public void SaveUserDrives_PagesThenReopen_UpsertedRemovedAndLastLinkKept()
    {
        using (var store = SqliteStateStore.Open(StatePath))
        {
            store.SaveUserDrives([new("u2", "b!2", "OneDrive Bo Ek", "https://x/personal/bo"), new("u1", null, "OneDrive Anna Berg", null)], [], "https://g/users/delta?skip=2");
            store.SaveUserDrives([new("u2", "b!2", "OneDrive Bo Eklund", "https://x/personal/bo"), new("u3", "b!3", "OneDrive Cy", null)], ["u1", "finns-inte"], "https://g/users/delta?token=7");
        }

        using var reopened = SqliteStateStore.Open(StatePath);

        Assert.Equal("https://g/users/delta?token=7", reopened.GetUsersDeltaLink());
        Assert.Equal([new UserDrive("u2", "b!2", "OneDrive Bo Eklund", "https://x/personal/bo"), new UserDrive("u3", "b!3", "OneDrive Cy", null)], reopened.GetUserDrives());
    }

    [Fact]
    public void SaveUserDrives_DriveNodesWithTheSameIds_Untouched()
    {
        using var store = SqliteStateStore.Open(StatePath);
        store.UpsertScope(new ScopeRecord("b!2", ScopeRecord.GraphDriveKind, "OneDrive Bo Ek", null), store.BeginRun("graph", null));
        store.ApplyNode("b!2", new FeedEntry { ItemId = "u2", Kind = FeedEntryKind.Folder, Name = "Mapp" }, "Mapp", removeEntry: false);

        store.SaveUserDrives([new("u2", "b!2", "OneDrive Bo Ek", null)], [], "l1");
        store.SaveUserDrives([], ["u2"], "l2");

        Assert.Empty(store.GetUserDrives());
        Assert.Equal("Mapp", store.GetNode("b!2", "u2")?.Path); // a drive's folder with an id like a user's stays
        Assert.DoesNotContain(store.GetScopes(), s => s.Scope == "graph-users");
    }
}
