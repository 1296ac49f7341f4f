using System.Net;
using System.Net.Sockets;

namespace ClassScan.Extraction.Tests.Safety;

/// <summary>
/// A TCP listener on 127.0.0.1 that counts every connection made to it. Hostile documents point their external
/// entities and resources here: any count above zero means a parser reached out to the network. Counting raw
/// connections rather than HTTP requests also catches a fetch that fails half-way.
/// </summary>
internal sealed class LoopbackTrap : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private int connections;

    public LoopbackTrap()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try { accepting.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        stop.Dispose();
    }
}
