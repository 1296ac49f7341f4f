namespace ClassScan.Reporting.Tests;

public sealed class ReportBatchTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-batch-");

    public void Dispose() => dir.Delete(recursive: true);

    private string P(string name) => Path.Combine(dir.FullName, name);

    private static void Write(ReportBatch batch, string target, string text)
    {
        using var s = batch.Open(target);
        s.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Commit_StagedFiles_ReplaceTargetsAndStaleFileGoes()
    {
        File.WriteAllText(P("a.csv"), "igår");
        File.WriteAllText(P("stale.csv"), "igår");
        using var batch = new ReportBatch();
        Write(batch, P("a.csv"), "i natt");
        Write(batch, P("b.csv"), "ny");
        batch.RemoveOnCommit(P("stale.csv"));

        Assert.Equal("igår", File.ReadAllText(P("a.csv"))); // nothing moves before the commit
        Assert.True(File.Exists(P("stale.csv")));
        batch.Commit();

        Assert.True(batch.Committed);
        Assert.Equal("i natt", File.ReadAllText(P("a.csv")));
        Assert.Equal("ny", File.ReadAllText(P("b.csv")));
        Assert.False(File.Exists(P("stale.csv")));
        Assert.Equal(["a.csv", "b.csv"], Directory.EnumerateFiles(dir.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dispose_WithoutCommit_TargetsUntouchedTempFilesDeleted()
    {
        File.WriteAllText(P("a.csv"), "igår");
        File.WriteAllText(P("stale.csv"), "igår");
        var batch = new ReportBatch();
        Write(batch, P("a.csv"), "i natt");
        var open = batch.Open(P("b.csv")); // a writer that never finished: the batch closes it
        open.WriteByte(1);
        batch.RemoveOnCommit(P("stale.csv"));

        batch.Dispose();

        Assert.False(batch.Committed);
        Assert.Equal(["a.csv", "stale.csv"], Directory.EnumerateFiles(dir.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("igår", File.ReadAllText(P("a.csv")));
    }

    [Fact]
    public void WillExistAndWrites_StagedRemovedAndOldFiles_Distinguished()
    {
        File.WriteAllText(P("old.csv"), "igår");
        File.WriteAllText(P("stale.csv"), "igår");
        using var batch = new ReportBatch();
        Write(batch, P("new.csv"), "i natt");
        batch.RemoveOnCommit(P("stale.csv"));

        Assert.True(batch.WillExist(P("new.csv")) && batch.Writes(P("new.csv")));
        Assert.True(batch.WillExist(P("old.csv")));
        Assert.False(batch.Writes(P("old.csv")));
        Assert.False(batch.WillExist(P("stale.csv")));
        Assert.False(batch.WillExist(P("never.csv")));
    }

    [Fact]
    public void Open_SameTargetTwice_Refused()
    {
        using var batch = new ReportBatch();
        batch.Open(P("a.csv")).Dispose();

        Assert.Throws<InvalidOperationException>(() => batch.Open(P("a.csv")));
    }
}
