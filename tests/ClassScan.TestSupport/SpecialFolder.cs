using System.Net.Sockets;

namespace ClassScan.TestSupport;

/// <summary>
/// A temporary folder to fill with regular files and with entries that are not files (named pipes, Unix sockets,
/// links to devices), for the source's tests and the pipeline's. Deleted, sockets closed, on dispose.
/// </summary>
public sealed class SpecialFolder : IDisposable
{
    private readonly DirectoryInfo root;
    private readonly List<Socket> sockets = [];

    public SpecialFolder(string prefix) => root = Directory.CreateTempSubdirectory(prefix);

    public string Root => root.FullName;

    public string PathOf(string name) => Path.Combine(root.FullName, name);

    public string Write(string name, string content)
    {
        File.WriteAllText(PathOf(name), content);
        return PathOf(name);
    }

    public string Fifo(string name) => SpecialFiles.Fifo(PathOf(name));

    public string UnixSocket(string name)
    {
        sockets.Add(SpecialFiles.UnixSocket(PathOf(name)));
        return PathOf(name);
    }

    public string Link(string name, string target)
    {
        File.CreateSymbolicLink(PathOf(name), target);
        return PathOf(name);
    }

    public void Dispose()
    {
        foreach (var s in sockets) s.Dispose();
        root.Delete(recursive: true);
    }
}
