using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace ClassScan.TestSupport;

/// <summary>
/// Entries that are not regular files (named pipes, Unix sockets, links), made for real in a test folder: the
/// source tests list them, the pipeline tests scan them. Linux only (see <see cref="LinuxFactAttribute"/>).
/// </summary>
public static class SpecialFiles
{
    /// <summary>Makes a named pipe at <paramref name="path"/> with mkfifo.</summary>
    public static string Fifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Binds a listening Unix socket at <paramref name="path"/>; the caller disposes it.</summary>
    public static Socket UnixSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return socket;
    }
}
