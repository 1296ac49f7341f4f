using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline.Tests.Pipeline;

public sealed class OutputWriteExceptionTests
{
    public static TheoryData<Exception, string> Causes => new()
    {
        { new IOException("No space left on device : '/srv/ut/results.csv.4711.tmp'", 28), "utdatamappen är full (No space left on device)" },
        { new IOException("There is not enough space on the disk. : 'D:\\ut\\results.csv.4711.tmp'", unchecked((int)0x80070070)), "utdatamappen är full (There is not enough space on the disk)" },
        { new IOException("Read-only file system : '/srv/ut/summary.json.4711.tmp'", 30), "utdatamappen är skrivskyddad (Read-only file system)" },
        { new UnauthorizedAccessException("Access to the path is denied."), "skrivrätt saknas i utdatamappen (Access to the path is denied)" },
        { new IOException("Input/output error : '/srv/ut/rapport.html.4711.tmp'", 5), "skrivfel i utdatamappen (Input/output error)" },
        // Not an output failure: the message alone, masked (a parser or a bug may quote digits).
        { new InvalidOperationException("fel i rad 191212121212"), "fel i rad ######" + "######" },
    };

    [Theory]
    [MemberData(nameof(Causes))]
    public void Describe_Cause_SwedishWithSystemWordsAndNoPath(Exception ex, string expected) =>
        Assert.Equal(expected, OutputWriteException.Describe(ex));

    [Theory]
    [InlineData(28, true)]
    [InlineData(30, false)]
    [InlineData(5, false)]
    [InlineData(11, false)] // EAGAIN: a lock held by another run, not a full disk
    public void IsDiskFull_ByErrno(int errno, bool expected) =>
        Assert.Equal(expected, OutputWriteException.IsDiskFull(new IOException("x", errno)));

    [Theory]
    [InlineData(30, true)]
    [InlineData(28, false)]
    [InlineData(11, false)]
    public void IsReadOnly_ByErrno(int errno, bool expected) =>
        Assert.Equal(expected, OutputWriteException.IsReadOnly(new IOException("x", errno)));

    [Fact]
    public void Describe_WrappedFailure_DescribesTheCause() =>
        Assert.Equal("utdatamappen är full (No space left on device)",
            OutputWriteException.Describe(new OutputWriteException("tillståndet kunde inte sparas: …", new IOException("No space left on device", 28))));
}
