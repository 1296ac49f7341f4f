using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// The document properties of a legacy Office file, from its OLE property set streams ([MS-OLEPS]):
/// title, subject, keywords and comments from "\u0005SummaryInformation", category and the user-defined
/// properties (where sensitivity labels such as <c>MSIP_Label_..._Name</c> live) from
/// "\u0005DocumentSummaryInformation". One Metadata segment in the form and order of
/// <see cref="OpenXml.OoxmlProperties"/>, author names left out. Nothing here reads Excel records, so the same
/// reader serves .doc and .ppt. Every offset and count is checked against the stream; damage becomes a note.
/// </summary>
internal static class XlsProperties
{
    private const int MaxStreamBytes = 1024 * 1024;
    private const int MaxProperties = 1024;

    private static readonly Guid Summary = new("F29F85E0-4FF9-1068-AB91-08002B27B3D9");
    private static readonly Guid DocumentSummary = new("D5CDD502-2E9C-101B-9397-08002B2CF9AE");
    private static readonly Guid UserDefined = new("D5CDD505-2E9C-101B-9397-08002B2CF9AE");

    public static void Read(CompoundFile file, SegmentCollector collector, string location)
    {
        var sb = new StringBuilder();
        try
        {
            if (file.Find("\u0005SummaryInformation") is { } summary)
            {
                foreach (var set in Sets(file.ReadPrefix(summary, MaxStreamBytes)).Where(s => s.Format == Summary))
                {
                    Append(sb, "Titel", set.Values.GetValueOrDefault(2u));
                    Append(sb, "Ämne", set.Values.GetValueOrDefault(3u));
                    Append(sb, "Nyckelord", set.Values.GetValueOrDefault(5u));
                    Append(sb, "Beskrivning", set.Values.GetValueOrDefault(6u));
                }
            }
            if (file.Find("\u0005DocumentSummaryInformation") is { } document)
            {
                var sets = Sets(file.ReadPrefix(document, MaxStreamBytes));
                foreach (var set in sets.Where(s => s.Format == DocumentSummary)) Append(sb, "Kategori", set.Values.GetValueOrDefault(2u));
                foreach (var set in sets.Where(s => s.Format == UserDefined))
                {
                    foreach (var (id, name) in set.Names)
                        Append(sb, name, set.Values.GetValueOrDefault(id));
                }
            }
        }
        catch (ExtractionStop stop) when (stop.Result is ExtractionResult.Corrupt)
        {
            collector.Note("dokumentegenskaperna kunde inte läsas");
        }
        collector.Add(SegmentKind.Metadata, location, sb.ToString());
    }

    private sealed record PropertySet(Guid Format, Dictionary<uint, string> Values, List<(uint Id, string Name)> Names);

    private static List<PropertySet> Sets(byte[] data)
    {
        var sets = new List<PropertySet>();
        if (data.Length < 28 || BinaryPrimitives.ReadUInt16LittleEndian(data) != 0xFFFE) return sets;
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(24));
        for (int i = 0; i < Math.Min(count, 2u); i++)
        {
            int at = 28 + (20 * i);
            if (at + 20 > data.Length) break;
            var format = new Guid(data.AsSpan(at, 16));
            uint offset = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at + 16));
            if (offset >= data.Length) continue;
            sets.Add(ReadSet(format, data.AsSpan((int)offset)));
        }
        return sets;
    }

    private static PropertySet ReadSet(Guid format, ReadOnlySpan<byte> set)
    {
        var values = new Dictionary<uint, string>();
        var names = new List<(uint, string)>();
        if (set.Length < 8) return new PropertySet(format, values, names);
        set = set[..(int)Math.Min((uint)set.Length, Math.Max(8u, BinaryPrimitives.ReadUInt32LittleEndian(set)))];
        uint count = Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(set[4..]), MaxProperties);
        int codePage = 1252;
        var entries = new List<(uint Id, uint Offset)>();
        for (int i = 0; i < count && 8 + (8 * i) + 8 <= set.Length; i++)
            entries.Add((BinaryPrimitives.ReadUInt32LittleEndian(set[(8 + (8 * i))..]), BinaryPrimitives.ReadUInt32LittleEndian(set[(12 + (8 * i))..])));
        foreach (var (id, offset) in entries)
        {
            // CodePage (PID 1, VT_I2): how the 8-bit strings and the dictionary's names are encoded.
            if (id == 1 && (long)offset + 6 <= set.Length && BinaryPrimitives.ReadUInt16LittleEndian(set[(int)offset..]) == 2)
                codePage = BinaryPrimitives.ReadUInt16LittleEndian(set[((int)offset + 4)..]);
        }
        var encoding = Encoding(codePage);
        foreach (var (id, offset) in entries)
        {
            if ((long)offset + 8 > set.Length) continue;
            var value = set[(int)offset..];
            if (id == 0)
            {
                ReadDictionary(value, codePage == 1200, encoding, names);
                continue;
            }
            if (id != 1 && Value(value, encoding) is { } text) values[id] = text;
        }
        return new PropertySet(format, values, names);
    }

    /// <summary>A typed property value as the text .xlsx would hold: strings, 32-bit integers, booleans.</summary>
    private static string? Value(ReadOnlySpan<byte> value, Encoding encoding)
    {
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(value);
        var body = value[4..];
        switch (type)
        {
            case 0x1E: // VT_LPSTR: byte count (with the NUL), code-page bytes
                uint bytes = BinaryPrimitives.ReadUInt32LittleEndian(body);
                return bytes <= (uint)body.Length - 4 ? encoding.GetString(body.Slice(4, (int)bytes)).TrimEnd('\0') : null;
            case 0x1F: // VT_LPWSTR: character count (with the NUL), UTF-16
                uint chars = BinaryPrimitives.ReadUInt32LittleEndian(body);
                return chars <= ((uint)body.Length - 4) / 2 ? System.Text.Encoding.Unicode.GetString(body.Slice(4, (int)chars * 2)).TrimEnd('\0') : null;
            case 0x03: // VT_I4
                return BinaryPrimitives.ReadInt32LittleEndian(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case 0x0B: // VT_BOOL
                return BinaryPrimitives.ReadUInt16LittleEndian(body) != 0 ? "true" : "false";
            default:
                return null;
        }
    }

    /// <summary>The dictionary (PID 0) of the user-defined set: property id → name.</summary>
    private static void ReadDictionary(ReadOnlySpan<byte> data, bool unicode, Encoding encoding, List<(uint, string)> names)
    {
        uint count = Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data), MaxProperties);
        int at = 4;
        for (int i = 0; i < count && at + 8 <= data.Length; i++)
        {
            uint id = BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
            uint cch = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..]);
            at += 8;
            long length = unicode ? cch * 2L : cch;
            if (length > data.Length - at) return;
            var raw = data.Slice(at, (int)length);
            names.Add((id, (unicode ? System.Text.Encoding.Unicode.GetString(raw) : encoding.GetString(raw)).TrimEnd('\0')));
            at += (int)length;
            if (unicode) at = (at + 3) & ~3; // Unicode names are padded to 4 bytes
        }
    }

    private static Encoding Encoding(int codePage) => codePage switch
    {
        1200 => System.Text.Encoding.Unicode,
        65001 => System.Text.Encoding.UTF8,
        _ => CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Text.TextDecoding.Windows1252,
    };

    private static void Append(StringBuilder sb, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        sb.Append(label).Append(": ").Append(value.Trim()).Append('\n');
    }
}
