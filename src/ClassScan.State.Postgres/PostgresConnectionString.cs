using System.Globalization;
using Npgsql;

namespace ClassScan.State.Postgres;

/// <summary>
/// Tells a PostgreSQL connection from a SQLite file path in a --state value, and reads both forms a person may give:
/// Npgsql's key=value pairs ("Host=db1;Database=classscan;Username=scan") and libpq's URI
/// (postgresql://scan:pw@db1:5432/classscan?sslmode=require). Thread-safe (stateless).
/// </summary>
internal static class PostgresConnectionString
{
    /// <summary>The value as an Npgsql connection string, or null when it is a file path. Throws
    /// <see cref="FormatException"/> (Swedish, without the password) when it looks like a connection but cannot be read.</summary>
    public static string? From(string value)
    {
        var trimmed = value.Trim();
        try
        {
            var raw = IsUri(trimmed) ? FromUri(trimmed) : IsConnectionString(trimmed) ? trimmed : null;
            return raw is null ? null : new NpgsqlConnectionStringBuilder(raw).ConnectionString;
        }
        catch (ArgumentException ex)
        {
            // Npgsql names the keyword it could not read, never a value, so the message holds no password.
            throw new FormatException($"--state ser ut som en PostgreSQL-anslutning men kan inte läsas ({Core.Scanning.OutputWriteException.SystemText(ex.Message)})", ex);
        }
    }

    private static bool IsUri(string value) =>
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Key=value pairs separated by ';' with a Host or Server key. A file path with '=' in a folder name
    /// ("/data/Host=1/state.db") has no such key before its first '=', so it stays a path.</summary>
    private static bool IsConnectionString(string value) =>
        value.Split(';').Any(part => part.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq
            && part[..eq].Trim() is var key && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// postgresql://[user[:password]@][host][:port][,host2[:port2]...][/database][?key=value&amp;...] as libpq reads it, to
    /// Npgsql's key=value form. Percent-escapes are decoded in the user, password and database; the libpq parameters
    /// a scan node may need are renamed (sslmode, connect_timeout, application_name, target_session_attrs, options),
    /// others pass through for Npgsql to accept or refuse.
    /// </summary>
    private static string FromUri(string uri)
    {
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        string? query = null;
        if (rest.IndexOf('?', StringComparison.Ordinal) is >= 0 and var q)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        string? database = null;
        if (rest.IndexOf('/', StringComparison.Ordinal) is >= 0 and var slash)
        {
            database = rest[(slash + 1)..];
            rest = rest[..slash];
        }
        var b = new NpgsqlConnectionStringBuilder();
        if (rest.LastIndexOf('@') is >= 0 and var at)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0) b.Password = Decode(userInfo[(colon + 1)..]);
        }
        var hosts = rest.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Decode).ToList();
        if (hosts.Count == 1 && SplitPort(hosts[0]) is var (host, port))
        {
            b.Host = host.Length > 0 ? host : "localhost";
            if (port is { } p) b.Port = p;
        }
        else if (hosts.Count > 1)
        {
            // Npgsql takes several hosts as "h1:5432,h2" (failover and load balancing, like libpq).
            b.Host = string.Join(",", hosts);
        }
        else
        {
            b.Host = "localhost";
        }
        if (!string.IsNullOrEmpty(database)) b.Database = Decode(database);
        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq >= 0 ? pair[..eq] : pair);
            var value = eq >= 0 ? Decode(pair[(eq + 1)..]) : "";
            switch (key)
            {
                case "sslmode":
                    b["SSL Mode"] = value.Replace("-", "", StringComparison.Ordinal);
                    break;
                case "connect_timeout":
                    b["Timeout"] = value;
                    break;
                case "application_name":
                    b.ApplicationName = value;
                    break;
                case "target_session_attrs":
                    b["Target Session Attributes"] = value;
                    break;
                case "options":
                    b.Options = value;
                    break;
                default:
                    b[key] = value;
                    break;
            }
        }
        return b.ConnectionString;
    }

    /// <summary>"host:5433" → ("host", 5433); "[::1]:5433" → ("::1", 5433); no port → null.</summary>
    private static (string Host, int? Port) SplitPort(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            var host = close > 0 ? hostPort[1..close] : hostPort;
            return (host, close > 0 && close + 1 < hostPort.Length && hostPort[close + 1] == ':' ? Port(hostPort[(close + 2)..]) : null);
        }
        var colon = hostPort.LastIndexOf(':');
        return colon >= 0 ? (hostPort[..colon], Port(hostPort[(colon + 1)..])) : (hostPort, null);
    }

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new ArgumentException($"ogiltig port i adressen: '{text}'");

    private static string Decode(string s) => Uri.UnescapeDataString(s);
}
