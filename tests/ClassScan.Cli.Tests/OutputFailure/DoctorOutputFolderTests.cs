using ClassScan.Cli.Doctor;

namespace ClassScan.Cli.Tests.OutputFailure;

/// <summary>doctor's output-folder check: exists or can be created, takes a file, has room.</summary>
public sealed class DoctorOutputFolderTests : IDisposable
{
    private const long MB = 1L << 20;

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-doctor-out-");

    public void Dispose() => work.Delete(recursive: true);

    private string Out => Path.Combine(work.FullName, "ut");

    [Theory]
    [InlineData(0L, DoctorOutcome.Failed)]
    [InlineData(512L * 1024, DoctorOutcome.Failed)]   // under 1 MB: not even a small report fits
    [InlineData(100L * MB, DoctorOutcome.Warning)]    // under 1 GiB
    [InlineData(1023L * MB, DoctorOutcome.Warning)]
    [InlineData(10L * 1024 * MB, DoctorOutcome.Ok)]
    public void OutputFolder_FreeSpace_OutcomeByThreshold(long free, DoctorOutcome expected)
    {
        Directory.CreateDirectory(Out);

        var check = DoctorChecks.OutputFolder(Out, _ => free);

        Assert.Equal(expected, check.Outcome);
        Assert.Equal("Utmapp", check.Name);
        if (expected != DoctorOutcome.Ok) Assert.Contains("ledigt", check.Message);
        if (expected != DoctorOutcome.Ok) Assert.NotNull(check.Fix);
    }

    [Fact]
    public void OutputFolder_LessFreeThanLastNightsReports_FailsNamingBoth()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllBytes(Path.Combine(Out, "results.csv"), new byte[3 * MB]);

        var tight = DoctorChecks.OutputFolder(Out, _ => 2 * MB);
        var roomy = DoctorChecks.OutputFolder(Out, _ => 2048 * MB);

        Assert.Equal(DoctorOutcome.Failed, tight.Outcome);
        Assert.Contains("förra körningens rapporter 3 MB", tight.Message);
        Assert.Contains("får inte plats", tight.Message);
        Assert.Equal(DoctorOutcome.Ok, roomy.Outcome);
    }

    [Fact]
    public void OutputFolder_Missing_CanBeCreatedAndDoctorLeavesNothingBehind()
    {
        var deep = Path.Combine(Out, "natt", "rapporter");

        var check = DoctorChecks.OutputFolder(deep, _ => 10L * 1024 * MB);

        Assert.Equal(DoctorOutcome.Ok, check.Outcome);
        Assert.Contains("finns inte än men kan skapas", check.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void OutputFolder_UnderARegularFile_FailsAsNotWritable()
    {
        File.WriteAllText(Path.Combine(work.FullName, "fil"), "ingen mapp");

        var check = DoctorChecks.OutputFolder(Path.Combine(work.FullName, "fil", "ut"), _ => 10L * 1024 * MB);

        Assert.Equal(DoctorOutcome.Failed, check.Outcome);
        Assert.Contains("är inte skrivbar", check.Message);
        Assert.Empty(Directory.EnumerateFiles(work.FullName, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void OutputFolder_FreeSpaceUnknown_OkSaysSo()
    {
        Directory.CreateDirectory(Out);

        var check = DoctorChecks.OutputFolder(Out, _ => null);

        Assert.Equal(DoctorOutcome.Ok, check.Outcome);
        Assert.Contains("okänt", check.Message);
    }

    [SmallDiskFact]
    public void OutputFolder_RealDisks_SmallWarnsFullFailsReadOnlyFails()
    {
        using var disk = new SmallDisk(8);
        var outDir = Path.Combine(disk.Root, "ut");
        Directory.CreateDirectory(outDir);

        var small = DoctorChecks.OutputFolder(outDir);
        disk.Fill();
        var full = DoctorChecks.OutputFolder(outDir);
        disk.MakeReadOnly();
        var readOnly = DoctorChecks.OutputFolder(outDir);

        Assert.Equal(DoctorOutcome.Warning, small.Outcome);
        Assert.Equal(DoctorOutcome.Failed, full.Outcome);
        Assert.Contains("utdatamappen är full (No space left on device)", full.Message);
        Assert.Equal(DoctorOutcome.Failed, readOnly.Outcome);
        Assert.Contains("skrivskyddad", readOnly.Message);
    }
}
