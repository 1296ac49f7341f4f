using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.State.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClassScan.State.Tests;

/// <summary>The SQLite file across versions: a version 2 file is migrated to 3 (judged_count), a newer one is refused untouched.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-schema-");

    private string DbPath => Path.Combine(work.FullName, "classscan-state.db");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public void Open_VersionTwoFile_MigratedJudgedItemsCountOnceAndKeepCounting()
    {
        WriteVersionTwoFile();

        using (var store = SqliteStateStore.Open(DbPath))
        {
            Assert.Equal(1, store.GetItem("local:/in", "/in/judged.txt")?.JudgedCount);
            Assert.Equal(0, store.GetItem("local:/in", "/in/listed.txt")?.JudgedCount);
            store.RecordVerdict(Listing("/in/judged.txt"), Ok("/in/judged.txt"), store.BeginRun("local", null));
            Assert.Equal(2, store.GetItem("local:/in", "/in/judged.txt")?.JudgedCount);
        }
        Assert.Equal(3, SqliteStateStore.Inspect(DbPath).SchemaVersion);
    }

    [Fact]
    public void Open_NewerSchema_RefusedAndLeftUntouched()
    {
        using (var store = SqliteStateStore.Open(DbPath)) store.BeginRun("local", null);
        Exec($"UPDATE meta SET value='{SqliteStateStore.SchemaVersion + 1}' WHERE key='schema_version'");
        var before = File.ReadAllBytes(DbPath);

        var ex = Assert.Throws<StateSchemaTooNewException>(() => SqliteStateStore.OpenOrRecover(DbPath, out _));

        Assert.Equal(SqliteStateStore.SchemaVersion + 1, ex.Found);
        Assert.Equal(before, File.ReadAllBytes(DbPath));
    }

    /// <summary>A file as version 2 left it: no judged_count column, schema_version 2, one judged and one never-judged item.</summary>
    private void WriteVersionTwoFile()
    {
        using (var store = SqliteStateStore.Open(DbPath))
        {
            store.RecordVerdict(Listing("/in/judged.txt"), Ok("/in/judged.txt"), store.BeginRun("local", null));
        }
        Exec("""
            INSERT INTO items(scope, item_id, path) VALUES('local:/in', '/in/listed.txt', '/in/listed.txt');
            ALTER TABLE items DROP COLUMN judged_count;
            UPDATE meta SET value='2' WHERE key='schema_version';
            """);
    }

    private void Exec(string sql)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static TrackedItem Listing(string path) => new()
    {
        Scope = "local:/in",
        ItemId = path,
        Path = path,
        Fingerprint = new ItemFingerprint(Size: 10, LastModified: DateTimeOffset.UnixEpoch),
    };

    private static ScanResult Ok(string path) => new()
    {
        Item = new SourceItem(path, path, 10, DateTimeOffset.UnixEpoch),
        Status = ScanStatus.Ok,
        Classification = new ClassificationResult(KlassaLevel.Intern, "inga känsliga uppgifter", "R1"),
        Extractor = "text",
    };
}
