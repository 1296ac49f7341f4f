using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ClassScan.Cli.Tests.Mutation;

/// <summary>
/// Makes damaged variants of a file, deterministically (a fixed seed per file): truncations at many offsets,
/// bit flips, zeroed ranges; for zip packages also swapped, duplicated, dropped and renamed entries, lying
/// sizes, damaged deflate data and a damaged central directory; for PDF lying lengths and cross-reference
/// offsets and absurd nesting; for text formats broken encodings and absurd nesting. The same seed file
/// always yields the same mutants, so a failing case is named and reproducible.
/// </summary>
internal static partial class Mutator
{
    public static IEnumerable<Mutant> Mutate(string seed, string fileName, byte[] original)
    {
        var random = new Random(StableHash(seed));
        var all = Generic(original, random);
        if (IsZip(original)) all = all.Concat(Zip(original, random));
        else if (IndexOf(original, "%PDF"u8) >= 0) all = all.Concat(Pdf(original, random));
        else all = all.Concat(Text(original, fileName, random));
        foreach (var (mutation, bytes) in all) yield return new Mutant(seed, mutation, fileName, bytes);
    }

    private static IEnumerable<(string, byte[])> Generic(byte[] o, Random random)
    {
        yield return ("empty", []);
        // Truncations: a spread over the file plus the tail, where zip central directories and PDF trailers live.
        var cuts = new SortedSet<int> { 1, 4, 30, 512 };
        for (var i = 1; i < 16; i++) cuts.Add((int)((long)o.Length * i / 16));
        for (var i = 1; i <= 8; i++) cuts.Add(o.Length - (i * i * 3));
        foreach (var cut in cuts.Where(c => c > 0 && c < o.Length))
            yield return ($"truncate@{cut}", o[..cut]);

        for (var i = 0; i < 30; i++)
        {
            var copy = (byte[])o.Clone();
            var at = random.Next(copy.Length);
            var bit = random.Next(8);
            copy[at] ^= (byte)(1 << bit);
            yield return ($"bitflip@{at}.{bit}", copy);
        }
        for (var i = 0; i < 6; i++)
        {
            var copy = (byte[])o.Clone();
            var flips = 1 + random.Next(64);
            for (var f = 0; f < flips; f++) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            yield return ($"bitflips{i}x{flips}", copy);
        }
        for (var i = 0; i < 12; i++)
        {
            var copy = (byte[])o.Clone();
            var at = random.Next(copy.Length);
            var length = Math.Min(copy.Length - at, 1 + random.Next(i < 6 ? 16 : 2048));
            Array.Clear(copy, at, length);
            yield return ($"zero@{at}+{length}", copy);
        }
        for (var i = 0; i < 4; i++)
        {
            var copy = (byte[])o.Clone();
            var at = random.Next(copy.Length);
            var length = Math.Min(copy.Length - at, 1 + random.Next(256));
            random.NextBytes(copy.AsSpan(at, length));
            yield return ($"random@{at}+{length}", copy);
        }
        // A chunk repeated: duplicated structures (objects, entries, headers) with inconsistent offsets after them.
        {
            var at = random.Next(o.Length);
            var length = Math.Min(o.Length - at, 1 + random.Next(4096));
            yield return ($"repeat@{at}+{length}", [.. o.AsSpan(0, at + length), .. o.AsSpan(at)]);
        }
    }

    private static IEnumerable<(string, byte[])> Zip(byte[] o, Random random)
    {
        List<(string Name, byte[] Data)> entries;
        using (var zip = new ZipArchive(new MemoryStream(o), ZipArchiveMode.Read))
            entries = zip.Entries.Select(e => (e.FullName, ReadAll(e))).ToList();

        // Entry-level damage that still makes a valid zip: the OPC/OOXML layer must cope.
        if (entries.Count >= 2)
        {
            for (var i = 0; i < 6; i++)
            {
                int a = random.Next(entries.Count), b = random.Next(entries.Count);
                if (a == b) continue;
                var swapped = entries.ToList();
                (swapped[a], swapped[b]) = ((swapped[a].Name, entries[b].Data), (swapped[b].Name, entries[a].Data));
                yield return ($"swap-content:{entries[a].Name}<->{entries[b].Name}", Write(swapped));
            }
            for (var i = 0; i < 4; i++)
            {
                var d = random.Next(entries.Count);
                var duplicated = entries.ToList();
                duplicated.Insert(random.Next(duplicated.Count + 1), (entries[d].Name, entries[random.Next(entries.Count)].Data));
                yield return ($"duplicate:{entries[d].Name}", Write(duplicated));
            }
            foreach (var e in entries.Where(e => e.Name.EndsWith(".xml", StringComparison.Ordinal) || e.Name.EndsWith(".rels", StringComparison.Ordinal)).Take(12))
            {
                yield return ($"drop:{e.Name}", Write(entries.Where(x => x.Name != e.Name).ToList()));
                var half = entries.Select(x => x.Name == e.Name ? (x.Name, x.Data[..(x.Data.Length / 2)]) : x).ToList();
                yield return ($"truncate-entry:{e.Name}", Write(half));
            }
            // Damage inside the XML of a part (byte flips in deflated data mostly just fail the CRC): the XML
            // readers, the OPC layer and our walkers see broken names, attributes, ids and numbers.
            foreach (var e in entries.Where(e => e.Name.EndsWith(".xml", StringComparison.Ordinal)).Take(8))
            {
                for (var i = 0; i < 3; i++)
                {
                    var data = (byte[])e.Data.Clone();
                    if (data.Length == 0) continue;
                    for (var f = 0; f < 1 + random.Next(4); f++) data[random.Next(data.Length)] ^= (byte)(1 << random.Next(7));
                    yield return ($"xml-flip{i}:{e.Name}", Write(entries.Select(x => x.Name == e.Name ? (x.Name, data) : x).ToList()));
                }
            }
            // Relationships pointing outside the package, at the package root, at themselves, or nowhere.
            foreach (var target in new[] { "/", "../../../../etc/passwd", "_rels/.rels", "word/document.xml", "", "http://127.0.0.1:1/x" })
            {
                var retargeted = entries.Select(x => x.Name.EndsWith(".rels", StringComparison.Ordinal)
                    ? (x.Name, Encoding.UTF8.GetBytes(TargetAttribute().Replace(Encoding.UTF8.GetString(x.Data), $"Target=\"{target}\"")))
                    : x).ToList();
                yield return ($"rels-target={target}", Write(retargeted));
            }
            var reversed = entries.AsEnumerable().Reverse().ToList();
            yield return ("reorder", Write(reversed));
            var renamed = entries.Select(x => (x.Name.ToUpperInvariant(), x.Data)).ToList();
            yield return ("rename-upper", Write(renamed));
            var slashed = entries.Select(x => ("/" + x.Name, x.Data)).ToList();
            yield return ("rename-rooted", Write(slashed));
        }

        // Byte-level damage of the zip structure itself.
        var eocd = LastIndexOf(o, [0x50, 0x4B, 0x05, 0x06]);
        if (eocd >= 0 && eocd + 22 <= o.Length)
        {
            var cdSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(o.AsSpan(eocd + 12));
            var cdOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(o.AsSpan(eocd + 16));
            foreach (var (field, value) in new (int, uint)[] { (16, 0), (16, 0x7FFFFFFF), (16, (uint)(cdOffset + 1)), (12, 0), (12, 0xFFFFFFFF), (8, 0), (10, 0xFFFF) })
            {
                var copy = (byte[])o.Clone();
                if (field is 8 or 10) BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(eocd + field), (ushort)value);
                else BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(eocd + field), value);
                yield return ($"eocd+{field}={value.ToString(CultureInfo.InvariantCulture)}", copy);
            }
            if (cdOffset > 0 && cdOffset + cdSize <= eocd)
            {
                for (var i = 0; i < 16; i++)
                {
                    var copy = (byte[])o.Clone();
                    var at = cdOffset + random.Next(cdSize);
                    copy[at] = (byte)random.Next(256);
                    yield return ($"central-directory@{at}", copy);
                }
                // Lying sizes in the central directory: huge (bomb-like) and tiny uncompressed sizes, bad local offsets.
                var first = cdOffset;
                foreach (var (field, value) in new (int, uint)[] { (24, 0x7FFFFFF0), (24, 1), (20, 1), (42, 0x7FFFFFF0), (42, 7) })
                {
                    var copy = (byte[])o.Clone();
                    for (var p = first; p + 46 <= cdOffset + cdSize && BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(p)) == 0x02014B50;)
                    {
                        if (random.Next(3) == 0) BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(p + field), value);
                        var n = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(p + 28));
                        var x = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(p + 30));
                        var c = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(p + 32));
                        p += 46 + n + x + c;
                    }
                    yield return ($"central-entries+{field}={value.ToString(CultureInfo.InvariantCulture)}", copy);
                }
            }
        }
        // Damaged deflate data inside the first local entries.
        for (int p = 0, k = 0; k < 6 && p + 30 <= o.Length && BinaryPrimitives.ReadUInt32LittleEndian(o.AsSpan(p)) == 0x04034B50; k++)
        {
            var compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(o.AsSpan(p + 18));
            var n = BinaryPrimitives.ReadUInt16LittleEndian(o.AsSpan(p + 26));
            var x = BinaryPrimitives.ReadUInt16LittleEndian(o.AsSpan(p + 28));
            var data = p + 30 + n + x;
            if (compressed <= 0 || data + compressed > o.Length) break;
            var copy = (byte[])o.Clone();
            for (var f = 0; f < 4; f++) copy[data + random.Next(compressed)] ^= (byte)(1 << random.Next(8));
            yield return ($"deflate-entry{k}", copy);
            p = data + compressed;
        }
    }

    private static IEnumerable<(string, byte[])> Pdf(byte[] o, Random random)
    {
        var text = Encoding.Latin1.GetString(o);
        string[] replacements =
        [
            "/Length 0 ", "/Length 99999999 ", "/Length -5 ", "/Count 2147483647 ", "/Count -1 ", "/Kids [] ",
            "/W [9 9 9] ", "/Filter /FlateDecode ", "/Size 0 ", "/Size 99999999 ", "/Root 999 0 R ", "/Parent 1 0 R ",
        ];
        foreach (var r in replacements)
        {
            var key = r[..r.IndexOf(' ', StringComparison.Ordinal)];
            var at = text.IndexOf(key, StringComparison.Ordinal);
            if (at < 0) continue;
            var end = at + key.Length;
            while (end < text.Length && text[end] is not ('/' or '>' or '\n' or '\r')) end++;
            yield return ($"pdf{key}={r.Trim()}", Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, at), r, text.AsSpan(end))));
        }
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startxref >= 0)
        {
            foreach (var offset in new[] { "0", "1", "999999999", "-1", (o.Length / 2).ToString(CultureInfo.InvariantCulture) })
                yield return ($"startxref={offset}", Encoding.Latin1.GetBytes(text[..(startxref + 9)] + "\n" + offset + "\n%%EOF\n"));
        }
        var xref = text.LastIndexOf("xref", startxref < 0 ? text.Length - 1 : Math.Max(0, startxref - 1), StringComparison.Ordinal);
        if (xref >= 0) yield return ("xref-removed", Encoding.Latin1.GetBytes(text.Remove(xref, 4).Insert(xref, "abcd")));
        foreach (var keyword in new[] { "endobj", "endstream", "stream", "trailer", "obj" })
        {
            var at = text.IndexOf(keyword, StringComparison.Ordinal);
            if (at >= 0) yield return ($"drop-{keyword}", Encoding.Latin1.GetBytes(text.Remove(at, keyword.Length)));
        }
        // Absurd nesting where a parser recurses: arrays, dictionaries, and references to itself.
        var obj = text.IndexOf(" obj", StringComparison.Ordinal);
        if (obj >= 0)
        {
            foreach (var (name, nest) in new[] { ("arrays", "["), ("dictionaries", "<</A "), ("strings", "(") })
            {
                var deep = string.Concat(Enumerable.Repeat(nest, 20000));
                yield return ($"nest-{name}", Encoding.Latin1.GetBytes(text.Insert(obj + 4, "\n" + deep + "\n")));
            }
        }
        _ = random;
    }

    private static IEnumerable<(string, byte[])> Text(byte[] o, string fileName, Random random)
    {
        // Broken encodings: lone UTF-8 continuation bytes, a BOM of another encoding, NULs.
        byte[][] inserts = [[0x80, 0x80, 0xC3], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0, 0, 0, 0], [0xF4, 0x90, 0x80, 0x80]];
        foreach (var insert in inserts)
        {
            var at = random.Next(o.Length);
            yield return ($"insert@{at}:{Convert.ToHexString(insert)}", [.. o.AsSpan(0, at), .. insert, .. o.AsSpan(at)]);
            yield return ($"prefix:{Convert.ToHexString(insert)}", [.. insert, .. o]);
        }
        var s = Encoding.UTF8.GetString(o);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is ".html" or ".htm" or ".eml")
        {
            var body = s.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
            var at = body >= 0 ? body : s.Length / 2;
            foreach (var (name, nest) in new[] { ("div", "<div>"), ("table", "<table><tr><td>"), ("unclosed", "<b"), ("comment", "<!--") })
                yield return ($"nest-{name}", Encoding.UTF8.GetBytes(s.Insert(at, string.Concat(Enumerable.Repeat(nest, 20000)))));
        }
        if (ext == ".eml")
        {
            var boundary = s.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
            if (boundary >= 0) yield return ("boundary-garbled", Encoding.UTF8.GetBytes(s.Remove(boundary, 9).Insert(boundary, "boundary=\"")));
            var nested = new StringBuilder();
            for (var i = 0; i < 2000; i++) nested.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
            yield return ("nest-multipart", Encoding.UTF8.GetBytes("From: a@example.se\r\nMIME-Version: 1.0\r\n" + nested));
            yield return ("base64-garbage", Encoding.UTF8.GetBytes(s.Replace("Content-Transfer-Encoding: 7bit", "Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
                .Replace("Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)));
        }
    }

    private static byte[] Write(List<(string Name, byte[] Data)> entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(data);
            }
        }
        return ms.ToArray();
    }

    private static byte[] ReadAll(ZipArchiveEntry e)
    {
        using var s = e.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static bool IsZip(byte[] b) => b.Length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;

    private static int IndexOf(byte[] b, ReadOnlySpan<byte> pattern) => b.AsSpan(0, Math.Min(b.Length, 1024)).IndexOf(pattern);

    private static int LastIndexOf(byte[] b, ReadOnlySpan<byte> pattern) => b.AsSpan().LastIndexOf(pattern);

    [System.Text.RegularExpressions.GeneratedRegex("Target=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TargetAttribute();

    /// <summary>string.GetHashCode is randomised per process; this one is not.</summary>
    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked((h * 31) + c);
        return h;
    }
}
