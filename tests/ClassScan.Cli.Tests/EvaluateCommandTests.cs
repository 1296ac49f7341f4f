using System.Text.Json;

namespace ClassScan.Cli.Tests;

/// <summary>
/// <c>classscan evaluate</c> over two tiny labelled folders of synthetic text files, rules only (no model), so the
/// verdicts follow the rule book: a personnummer with a name is 2, with a diagnosis 3, plain text 1.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private const string Pnr = "19800102-2386"; // Skatteverket test number

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-evaluate-");

    public void Dispose() => work.Delete(recursive: true);

    private string Folder(string name, string labelsName, params (string File, string? Text, string Split, string Level)[] rows)
    {
        var dir = Path.Combine(work.FullName, name);
        Directory.CreateDirectory(dir);
        foreach (var (file, text, _, _) in rows)
            if (text is not null) File.WriteAllText(Path.Combine(dir, file), text);
        File.WriteAllLines(Path.Combine(dir, labelsName), ["file,split,level,family", .. rows.Select(r => $"{r.File},{r.Split},{r.Level},fam")]);
        return dir;
    }

    [Fact]
    public async Task Evaluate_TwoSets_PrintsPerSetNumbersMissesAndJson()
    {
        var a = Folder("a", "labels.csv",
            ("open.txt", "Kallelse till kommunfullmäktige. Sammanträdet är offentligt.", "test", "0"),
            ("lon.txt", $"Lönelista december\nAnna Berg {Pnr} lön 34 000 kr", "test", "2"),
            ("elev.txt", $"Eleven Anna Berg, {Pnr}, har diagnosen ADHD och får stöd av elevhälsan.", "test", "3"),
            ("tom.txt", "", "test", "1"),
            ("bild.xyz", "x", "test", "0"));
        var b = Folder("b", "egna-etiketter.csv",
            ("referat.txt", "Referat från föräldramötet om utflykten.", "test", "0|1"),
            ("lista.txt", $"Deltagare\nAnna Berg {Pnr}", "test", "0"),
            ("annat.txt", "Anteckning", "train", "3"));
        var json = Path.Combine(work.FullName, "out", "eval.json");

        var run = await CliRunner.RunAsync("evaluate", "--set", "a=" + a, "--set", $"b={b}:{Path.Combine(b, "egna-etiketter.csv")}", "--no-model", "--json", json);

        Assert.True(run.ExitCode == 0, run.StdErr);
        var (sa, sb) = (Section(run.StdOut, "a"), Section(run.StdOut, "b"));
        Assert.Contains("Documents: 3 judged, 2 skipped", sa, StringComparison.Ordinal);
        Assert.Contains("Level exact match: 0.667 (2/3", sa, StringComparison.Ordinal);
        Assert.Contains("precision 1.000 recall 1.000 (TP 2, FP 0, FN 0)", sa, StringComparison.Ordinal);
        Assert.Contains("False flags on public documents (label 0 or 0|1 judged 2-3): 0/1 (0.0 %)", sa, StringComparison.Ordinal);
        Assert.Contains("skipped: tom.txt: no-text:", sa, StringComparison.Ordinal);
        Assert.Contains("skipped: bild.xyz: unsupported:", sa, StringComparison.Ordinal);
        Assert.Contains("miss: a/open.txt label 0 predicted 1 rule", sa, StringComparison.Ordinal);
        // Set b: the train row is left out; a public list with a personnummer is a false flag.
        Assert.Contains("Documents: 2 judged, 0 skipped", sb, StringComparison.Ordinal);
        Assert.Contains("(TP 0, FP 1, FN 0)", sb, StringComparison.Ordinal);
        Assert.Contains("False flags on public documents (label 0 or 0|1 judged 2-3): 1/2 (50.0 %)", sb, StringComparison.Ordinal);
        Assert.Contains("miss: b/lista.txt label 0 predicted ", sb, StringComparison.Ordinal);
        Assert.DoesNotContain("annat.txt", sb, StringComparison.Ordinal);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.StdOut);

        var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("test", root.GetProperty("split").GetString());
        Assert.Equal("rules only", root.GetProperty("verdicts").GetString());
        var sets = root.GetProperty("sets");
        Assert.Equal(["a", "b"], sets.EnumerateArray().Select(s => s.GetProperty("set").GetString()));
        Assert.Equal(3, sets[0].GetProperty("judged").GetInt32());
        Assert.Equal(1, sets[0].GetProperty("skippedByStatus").GetProperty("no-text").GetInt32());
        Assert.Equal(2, sets[0].GetProperty("mustLeaveTruePositives").GetInt32());
        Assert.Equal(1, sets[1].GetProperty("publicFalseFlags").GetInt32());
        Assert.Equal(0.5, sets[1].GetProperty("publicFalseFlagRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, sets[1].GetProperty("mustLeaveRecall").ValueKind);
        Assert.Equal("lista.txt", sets[1].GetProperty("misses")[0].GetProperty("file").GetString());
        OutputPrivacy.AssertFolderClean(Path.GetDirectoryName(json)!);
    }

    [Fact]
    public async Task Evaluate_OldCorpusAndLabelsPair_StillWorksAsOneSet()
    {
        var a = Folder("gammal", "labels.csv", ("open.txt", "Kallelse till mötet.", "test", "1"));

        var run = await CliRunner.RunAsync("evaluate", "--corpus", a, "--labels", Path.Combine(a, "labels.csv"), "--no-model", "--split", "all");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("== gammal (split all, rules only)", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("Level exact match: 1.000 (1/1", run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set", "utan-likhetstecken")]
    [InlineData("--set", "x=/finns/inte/alls")]
    [InlineData("--labels", "l.csv")]
    public async Task Evaluate_BadSet_IsAUsageError(string option, string value)
    {
        var run = await CliRunner.RunAsync("evaluate", option, value, "--no-model");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("classscan: ", run.StdErr, StringComparison.Ordinal);
    }

    // The console block of one set: from its "== NAME" header to the next header.
    private static string Section(string stdout, string set)
    {
        var start = stdout.IndexOf($"== {set} (", StringComparison.Ordinal);
        Assert.True(start >= 0, stdout);
        var next = stdout.IndexOf("\n== ", start + 3, StringComparison.Ordinal);
        return next < 0 ? stdout[start..] : stdout[start..next];
    }
}
