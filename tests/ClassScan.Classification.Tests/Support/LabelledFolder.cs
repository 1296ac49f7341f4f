using System.Text;
using ClassScan.Classification.Data;

namespace ClassScan.Classification.Tests.Support;

/// <summary>A labelled folder of synthetic text files in a temp directory, deleted on dispose.</summary>
internal sealed class LabelledFolder : IDisposable
{
    private readonly List<string> rows = ["file,split,level,family"];

    public string Root { get; } = Directory.CreateTempSubdirectory("classscan-set-").FullName;

    /// <summary>Writes <paramref name="file"/> with <paramref name="text"/> (null: no file, only the label row).</summary>
    public LabelledFolder Add(string file, string? text, string level, string split = "test", string family = "f")
    {
        if (text is not null)
        {
            var path = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, Encoding.UTF8);
        }
        rows.Add($"{file},{split},{level},{family}");
        return this;
    }

    /// <summary>Writes labels.csv and names the set.</summary>
    public LabelledSet Set(string name)
    {
        var labels = Path.Combine(Root, "labels.csv");
        File.WriteAllLines(labels, rows, Encoding.UTF8);
        return new LabelledSet(name, Root, labels);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
