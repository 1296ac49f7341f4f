using System.Globalization;

namespace ClassScan.GraphSimulator;

/// <summary>
/// A parsed delta token: a full enumeration at generation <see cref="To"/> from <see cref="Position"/>, or the
/// changes after generation <see cref="From"/> up to <see cref="To"/>. No token at all is a new full enumeration
/// at the current generation; a deltaLink "d{g}" starts the changes after g up to the current generation.
/// </summary>
internal readonly record struct DeltaToken(bool Full, int From, int To, long Position)
{
    public static bool TryParse(string token, int current, out DeltaToken t)
    {
        t = default;
        if (token.Length == 0)
        {
            t = new DeltaToken(true, current, current, 0);
            return true;
        }
        var parts = token[1..].Split('.');
        var n = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out n[i])) return false;
        switch (token[0], n.Length)
        {
            case ('e', 2) when n[0] <= current:
                t = new DeltaToken(true, (int)n[0], (int)n[0], n[1]);
                return true;
            case ('d', 1) when n[0] <= current:
                t = new DeltaToken(false, (int)n[0], current, 0);
                return true;
            case ('c', 3) when n[0] <= n[1] && n[1] <= current:
                t = new DeltaToken(false, (int)n[0], (int)n[1], n[2]);
                return true;
            default:
                return false;
        }
    }
}
