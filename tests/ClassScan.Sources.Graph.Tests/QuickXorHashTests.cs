using System.Diagnostics;
using ClassScan.Sources.Graph.Download;
using ClassScan.Sources.Graph.Tests.Fakes;
using Xunit.Abstractions;

namespace ClassScan.Sources.Graph.Tests;

public sealed class QuickXorHashTests(ITestOutputHelper output)
{
    // Published vectors (input and hash in base64), as rclone's OneDrive backend tests them against the service's
    // own hashes: lengths around the 8-byte cells, the 20-byte register and the 160-byte wrap.
    [Theory]
    [InlineData("", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA=")]
    [InlineData("tbQ=", "taAFAAAAAAAAAAAAAgAAAAAAAAA=")]
    [InlineData("/aNzzCFPS/A=", "/RjFHJgRgicsAR4ACAAAAAAAAAA=")]
    [InlineData("2fuxhBJXtpWFe8dOfdGeHw==", "O9tHLAghgSvYohKFyMMxnNCHaHg=")]
    [InlineData("T6LYJIfDh81JrAK309H2JMJTXis=", "zBTHrspn3mEcohlJdIUAbjGNaNg=")]
    [InlineData("DWAAX5/CIfrmErgZa8ot6ZraeSbu", "LR2Z0PjuRYGKQB/mhQAuMrAGZbQ=")]
    [InlineData("Mb7EGva2rEE5fENDL85P+BsapHEEjv2/siVhKjvAQe02feExVOQSkfmuYzU/kTF1MaKjPmKF/w+cbvwfdWL8aQ==", "n1anP5NfvD4XDYWIeRPW3ZkPv1Y=")]
    [InlineData("jyibxJSzO6ZiZ0O1qe3tG/bvIAYssvukh9suIT5wEy1JBINVgPiqdsTW0cOpP0aUfP7mgqLfADkzI/m/GgCuVhr8oFLrOCoTx1/psBOWwhltCbhUx51Icm9aH8tY4Z3ccU+6BKpYQkLCy0B/A9Zc", "hZfLIilSITC6N3e3tQ/iSgEzkto=")]
    [InlineData("w0LGhqU1WXFbdavqDE4kAjEzWLGGzmTNikzqnsiXHx2KRReKVTxkv27u3UcEz9+lbMvYl4xFf2Z4aE1xRBBNd1Ke5C0zToSaYw5o4B/7X99nKK2/XaUX1byLow2aju2XJl2OpKpJg+tSJ2fmjIJTkfuYUz574dFX6/VXxSxwGH/xQEAKS5TCsBK3CwnuG1p5SAsQq3gGVozDWyjEBcWDMdy8/AIFrj/y03Lfc/RNRCQTAfZbnf2QwV7sluw4fH3XJr07UoD0YqN+7XZzidtrwqMY26fpLZnyZjnBEt1FAZWO7RnKG5asg8xRk9YaDdedXdQSJAOy6bWEWlABj+tVAigBxavaluUH8LOj+yfCFldJjNLdi90fVHkUD/m4Mr5OtmupNMXPwuG3EQlqWUVpQoYpUYKLsk7a5Mvg6UFkiH596y5IbJEVCI1Kb3D1", "e3+wo77iKcILiZegnzyUNcjCdoQ=")]
    public void Compute_PublishedVector_Matches(string input, string expected)
    {
        var data = Convert.FromBase64String(input);

        Assert.Equal(expected, QuickXorHash.Compute(data));
        Assert.Equal(expected, ReferenceQuickXorHash.Base64(data));
    }

    [Theory]
    [InlineData("Sg==", "SgAAAAAAAAAAAAAAAgAAAAAAAAA=")] // right bytes, wrong length
    [InlineData("tbQ=", "taAFAAAAAAAAAAAAAQAAAAAAAAA=")]
    [InlineData("2fuxhBJXtpWFe8dOfdGeHw==", "2fuxhBJXtpWFe8dOfdGeHwAAAAA=")] // the content itself is no hash
    public void Compute_WrongCandidate_DoesNotMatch(string input, string wrong)
    {
        Assert.NotEqual(wrong, QuickXorHash.Compute(Convert.FromBase64String(input)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(159, 7)]
    [InlineData(160, 160)]
    [InlineData(161, 3)]
    [InlineData(1000, 1)]
    [InlineData(4099, 81920)]
    [InlineData(70001, 333)]
    [InlineData(70001, 8192)]
    public void Append_AnySplit_SameAsReference(int size, int chunk)
    {
        var data = new byte[size];
        new Random(size * 31 + chunk).NextBytes(data);
        var h = new QuickXorHash();

        for (var i = 0; i < size; i += chunk) h.Append(data.AsSpan(i, Math.Min(chunk, size - i)));

        Assert.Equal(ReferenceQuickXorHash.Base64(data), h.HashBase64());
        Assert.Equal(size, h.Length);
    }

    [Fact]
    public void Append_OneBitFlipped_HashDiffers()
    {
        var data = new byte[5000];
        new Random(7).NextBytes(data);
        var before = QuickXorHash.Compute(data);

        data[4321] ^= 0x10;

        Assert.NotEqual(before, QuickXorHash.Compute(data));
    }

    [Fact]
    public void Append_64MiB_ThroughputReported()
    {
        var buffer = new byte[81920];
        new Random(1).NextBytes(buffer);
        var h = new QuickXorHash();
        const int Rounds = 64 * 1024 * 1024 / 81920;
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Rounds; i++) h.Append(buffer);
        _ = h.Hash();

        var mb = Rounds * 81920 / 1_000_000.0;
        output.WriteLine($"quickXorHash: {mb:0} MB in {clock.Elapsed.TotalMilliseconds:0} ms = {mb / clock.Elapsed.TotalSeconds:0} MB/s");
        Assert.Equal((long)Rounds * 81920, h.Length);
    }
}
