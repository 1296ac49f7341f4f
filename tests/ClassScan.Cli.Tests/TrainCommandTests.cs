using System.Security.Cryptography;
using System.Text.Json;

namespace ClassScan.Cli.Tests;

/// <summary><c>classscan train</c> on two tiny labelled folders: one model from both, metadata for each set.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-train-");

    public void Dispose() => work.Delete(recursive: true);

    private static readonly string[] Open = ["Kallelse till kommunfullmäktige i stadshuset.", "Pressmeddelande om bibliotekets öppettider.", "Kungörelse om detaljplan, samråd pågår."];
    private static readonly string[] Internal = ["Minnesanteckningar från arbetsgruppens möte.", "Intern rutin för att boka konferensrum.", "Projektstatus vecka tolv, migreringen är försenad."];

    private string Folder(string name, int offset)
    {
        var dir = Path.Combine(work.FullName, name);
        Directory.CreateDirectory(dir);
        var rows = new List<string> { "file,split,level,family" };
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"o{i}.txt"), Open[(i + offset) % 3]);
            File.WriteAllText(Path.Combine(dir, $"i{i}.txt"), Internal[(i + offset) % 3]);
            rows.Add($"o{i}.txt,train,0,{name}{i}");
            rows.Add($"i{i}.txt,train,1,{name}{i}");
        }
        rows.Add("test.txt,test,1,x");
        File.WriteAllText(Path.Combine(dir, "test.txt"), "Testrad som inte tränas.");
        File.WriteAllLines(Path.Combine(dir, "labels.csv"), rows);
        return dir;
    }

    [Fact]
    public async Task Train_TwoSets_WritesModelWithMetadataPerSetAndFamilyScores()
    {
        var (a, b) = (Folder("a", 0), Folder("b", 1));
        var model = Path.Combine(work.FullName, "m", "klassa.zip");

        var run = await CliRunner.RunAsync("train", "--set", "a=" + a, "--set", "b=" + b, "--model", model, "--folds", "2");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.True(File.Exists(model));
        var meta = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(model, ".json"))).RootElement;
        var sets = meta.GetProperty("sets");
        Assert.Equal(["a", "b"], sets.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(b, "labels.csv")))), sets[1].GetProperty("labelsSha256").GetString());
        Assert.Equal(3, sets[0].GetProperty("documentsPerLabel").GetProperty("0").GetInt32());
        Assert.Equal(6, meta.GetProperty("documentsPerLabel").GetProperty("1").GetInt32());
        var cv = meta.GetProperty("familyCrossValidation");
        Assert.Equal(2, cv.GetProperty("folds").GetInt32());
        Assert.Equal(6, cv.GetProperty("families").GetInt32());
        Assert.Equal(12, cv.GetProperty("pooled").GetProperty("judged").GetInt32());
        Assert.Contains("Familjekorsvalidering", run.StdOut, StringComparison.Ordinal);
    }
}
