using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassScan.Benchmarks;

/// <summary>
/// <c>span-search</c>: what a span search for digits costs in this build, outside BenchmarkDotNet (which would run
/// its own JIT-compiled copy): the same searches over Swedish text with numbers, milliseconds per 200 passes and
/// bytes allocated per pass. Run it JIT-compiled and from a ReadyToRun publish to compare the two, with
/// <c>DOTNET_TieredCompilation=0</c> as the scanner runs:
/// <code>
/// DOTNET_TieredCompilation=0 dotnet benchmarks/ClassScan.Benchmarks/bin/Release/net10.0/ClassScan.Benchmarks.dll span-search
/// dotnet publish -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
///     benchmarks/ClassScan.Benchmarks -o /tmp/bench-r2r
/// DOTNET_TieredCompilation=0 /tmp/bench-r2r/ClassScan.Benchmarks span-search
/// </code>
/// Precompiled code runs IndexOfAnyInRange / IndexOfAnyExceptInRange about ten times slower than JIT-compiled code
/// and allocates on every call; SearchValues does not (benchmarks/README.md, "Tenth session").
/// </summary>
internal static partial class SpanSearchCost
{
    private const int Passes = 200;
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "span-search";

    public static int Run()
    {
        var text = string.Concat(Enumerable.Repeat("Ärende 2024-12-01 betalt 1 234 kr, tel 08-123 45 67. ", 200));
        Console.WriteLine($"text {text.Length:N0} chars; {Passes} passes; ReadyToRun code in use: {IsPrecompiled()}");
        Console.WriteLine("| search | ms | bytes per pass | calls per pass |");
        Console.WriteLine("|---|---:|---:|---:|");
        Time("IndexOfAnyInRange('0', '9')", text, s => s.IndexOfAnyInRange('0', '9'));
        Time("IndexOfAnyExceptInRange('0', '9')", text, s => s.IndexOfAnyExceptInRange('0', '9'));
        Time("IndexOfAny(SearchValues 0-9)", text, s => s.IndexOfAny(Digits));
        Time("IndexOfAny('0', '1')", text, s => s.IndexOfAny('0', '1'));
        Time("IndexOf('0')", text, s => s.IndexOf('0'));
        Measure("generated regex [0-9]{6}…, EnumerateMatches", () =>
        {
            var n = 0;
            foreach (var m in Candidate().EnumerateMatches(text)) n++;
            return n;
        });
        return 0;
    }

    private delegate int Search(ReadOnlySpan<char> s);

    // Every position the search finds, one call per hit: how a regex's search for its next start uses it.
    private static void Time(string name, string text, Search search) => Measure(name, () =>
    {
        var calls = 0;
        var s = text.AsSpan();
        int i;
        while ((i = search(s)) >= 0) { calls++; s = s[(i + 1)..]; }
        return calls;
    });

    private static void Measure(string name, Func<int> pass)
    {
        var calls = pass();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < Passes; k++) pass();
        clock.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / Passes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {clock.Elapsed.TotalMilliseconds:F1} | {bytes:N0} | {calls:N0} |"));
    }

    // This assembly's image carries precompiled code (not IL only) when the publish was ReadyToRun.
    private static bool IsPrecompiled()
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(typeof(SpanSearchCost).Assembly.Location));
        return (pe.PEHeaders.CorHeader!.Flags & System.Reflection.PortableExecutable.CorFlags.ILOnly) == 0;
    }

    [GeneratedRegex(@"(?<![0-9])(?:1[89]|20)?[0-9]{6}[-+]?[0-9TRSUWXJKLMN][0-9]{3}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
