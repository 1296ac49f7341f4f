using System.Security.Cryptography;
using System.Text;

namespace ClassScan.Core.Privacy;

/// <summary>
/// The id that names a file in the reports when its path is masked: a keyed hash (HMAC-SHA-256) of the source's
/// item id, so the same file keeps its id from night to night and the coordinator can resolve it on the scanner
/// host (<c>classscan show ID</c>). Keyed, not a plain hash: a masked path hides only four digits, and a plain
/// hash of the full path could be reversed by trying all 10,000 of them. The key stays in the state.
/// </summary>
public sealed class ReportIdentity
{
    /// <summary>Characters in an id after the prefix: 60 bits, so 50 million files collide with odds of about 1 in 1,000.</summary>
    public const int Length = 12;

    /// <summary>Starts every id with a letter: a cell of digits only would become a number in Excel.</summary>
    public const char Prefix = 'f';

    // Crockford's base32: no I, L, O or U, which people misread when they copy an id by hand.
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    private readonly byte[] key;

    public ReportIdentity(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16) throw new ArgumentException("the key must have at least 16 bytes", nameof(key));
        this.key = key.ToArray();
    }

    /// <summary>A key for ids that live only as long as one run (no state to keep it in).</summary>
    public static ReportIdentity Ephemeral() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh random key, encoded for storage.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads a stored key.</summary>
    public static ReportIdentity FromStoredKey(string key) => new(Convert.FromBase64String(key));

    /// <summary>The report id of the item with source id <paramref name="itemId"/>.</summary>
    public string Of(string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(itemId), hash);
        Span<char> id = stackalloc char[Length + 1];
        id[0] = Prefix;
        // 5 bits per character from the first 60 bits of the hash.
        var bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        for (var i = 0; i < Length; i++) id[i + 1] = Alphabet[(int)((bits >> (59 - 5 * i)) & 31)];
        return new string(id);
    }

    /// <summary>True when <paramref name="text"/> has the form of a report id (what <c>classscan show</c> accepts, in either case).</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length != Length + 1 || char.ToLowerInvariant(text[0]) != Prefix) return false;
        for (var i = 1; i < text.Length; i++)
            if (!Alphabet.Contains(char.ToLowerInvariant(text[i]), StringComparison.Ordinal)) return false;
        return true;
    }
}
