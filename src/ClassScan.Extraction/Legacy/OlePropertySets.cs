using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// Reads the document properties of a legacy Office file ([MS-OLEPS] property sets) into one Metadata segment,
/// like <c>OoxmlProperties</c> for OOXML: title, subject, keywords and comments from SummaryInformation,
/// category and the user-defined properties (where sensitivity labels such as <c>MSIP_Label_..._Name</c> and
/// records-management markings live) from DocumentSummaryInformation. Author names are left out on purpose.
/// Properties are a side dish: a damaged set costs a note, never the document's text.
/// </summary>
internal static class OlePropertySets
{
    private const int MaxProperties = 4096;
    private const ushort VtI2 = 0x0002;
    private const ushort VtI4 = 0x0003;
    private const ushort VtBool = 0x000B;
    private const ushort VtLpstr = 0x001E;
    private const ushort VtLpwstr = 0x001F;

    /// <summary>
    /// The properties of a compound file's own SummaryInformation and DocumentSummaryInformation streams (those of
    /// its root storage, never an embedded object's), each read whole up to <paramref name="maxBytes"/>.
    /// </summary>
    public static void Read(CompoundFile file, long maxBytes, SegmentCollector c, string location)
    {
        var summary = CfbExtractor.OptionalSibling(file, "\u0005SummaryInformation", maxBytes);
        var documentSummary = CfbExtractor.OptionalSibling(file, "\u0005DocumentSummaryInformation", maxBytes);
        if ((summary is null && file.FindInRoot("\u0005SummaryInformation") is not null)
            || (documentSummary is null && file.FindInRoot("\u0005DocumentSummaryInformation") is not null))
            c.Note("dokumentegenskaperna kunde inte läsas");
        Read(summary, documentSummary, c, location);
    }

    public static void Read(byte[]? summary, byte[]? documentSummary, SegmentCollector c, string location)
    {
        var sb = new StringBuilder();
        try
        {
            if (summary is not null && Section(summary, 0) is { } s)
            {
                AppendLine(sb, "Titel", s.Text(2));
                AppendLine(sb, "Ämne", s.Text(3));
                AppendLine(sb, "Nyckelord", s.Text(5));
                AppendLine(sb, "Beskrivning", s.Text(6));
            }
            if (documentSummary is not null)
            {
                if (Section(documentSummary, 0) is { } d) AppendLine(sb, "Kategori", d.Text(2));
                if (Section(documentSummary, 1) is { } custom)
                {
                    foreach (var (id, name) in custom.Dictionary())
                        AppendLine(sb, name, custom.Text(id));
                }
            }
        }
        catch (FormatException)
        {
            c.Note("dokumentegenskaperna kunde inte läsas");
        }
        c.Add(SegmentKind.Metadata, location, sb.ToString());
    }

    private static void AppendLine(StringBuilder sb, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        sb.Append(label).Append(": ").Append(value.Trim()).Append('\n');
    }

    /// <summary>Section <paramref name="index"/> of a property set stream, or null when it has none.</summary>
    private static PropertySection? Section(byte[] data, int index)
    {
        if (data.Length < 48 || BinaryPrimitives.ReadUInt16LittleEndian(data) != 0xFFFE) return null;
        uint sets = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(24));
        if (index >= sets || 28 + (20 * (index + 1)) > data.Length) return null;
        uint offset = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(28 + (20 * index) + 16));
        if (offset + 8L > data.Length) throw new FormatException();
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan((int)offset));
        if (size < 8 || offset + (long)size > data.Length) throw new FormatException();
        return new PropertySection(data.AsSpan((int)offset, (int)size).ToArray());
    }

    /// <summary>One section: property id → offset table, values decoded on demand within the section.</summary>
    private sealed class PropertySection
    {
        private readonly byte[] data;
        private readonly Dictionary<uint, int> offsets = [];
        private readonly Encoding encoding;

        public PropertySection(byte[] data)
        {
            this.data = data;
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
            if (count > MaxProperties || 8 + (8L * count) > data.Length) throw new FormatException();
            for (int i = 0; i < count; i++)
            {
                uint id = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(8 + (8 * i)));
                uint offset = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(12 + (8 * i)));
                if (offset + 4L <= data.Length) offsets.TryAdd(id, (int)offset);
            }
            encoding = Value(1) is (VtI2, int cp) ? EncodingOf(cp) : TextDecoding.Windows1252;
        }

        private bool Unicode => encoding.CodePage == 1200;

        /// <summary>A string, integer or boolean property as text; null for other types or when absent.</summary>
        public string? Text(uint id)
        {
            if (!offsets.TryGetValue(id, out int at)) return null;
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at));
            return type switch
            {
                VtLpstr => String(at + 4, out _),
                VtLpwstr => WideString(at + 4, out _),
                VtI4 when at + 8 <= data.Length => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at + 4)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                VtBool when at + 6 <= data.Length => BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(at + 4)) != 0 ? "true" : "false",
                _ => null,
            };
        }

        /// <summary>The dictionary (property 0): names of the user-defined properties.</summary>
        public IEnumerable<(uint Id, string Name)> Dictionary()
        {
            if (!offsets.TryGetValue(0, out int at)) yield break;
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
            if (count > MaxProperties) throw new FormatException();
            int pos = at + 4;
            for (int i = 0; i < count; i++)
            {
                if (pos + 8 > data.Length) throw new FormatException();
                uint id = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos));
                string name;
                int next;
                if (Unicode)
                {
                    name = WideString(pos + 4, out next);
                    next = (next + 3) & ~3; // entries are 4-byte aligned in a Unicode dictionary
                }
                else
                {
                    name = String(pos + 4, out next);
                }
                yield return (id, name);
                pos = next;
            }
        }

        private (ushort Type, int Value)? Value(uint id)
        {
            if (!offsets.TryGetValue(id, out int at) || at + 6 > data.Length) return null;
            return (BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at)), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at + 4)));
        }

        /// <summary>A length-prefixed 8-bit string (its length counts the terminating NUL) in the section's code page.</summary>
        private string String(int at, out int end)
        {
            if (at + 4 > data.Length) throw new FormatException();
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
            if (at + 4L + length > data.Length) throw new FormatException();
            end = at + 4 + (int)length;
            if (Unicode) return System.Text.Encoding.Unicode.GetString(data, at + 4, (int)length & ~1).TrimEnd('\0');
            return encoding.GetString(data, at + 4, (int)length).TrimEnd('\0');
        }

        /// <summary>A length-prefixed UTF-16 string; the length is in characters.</summary>
        private string WideString(int at, out int end)
        {
            if (at + 4 > data.Length) throw new FormatException();
            uint chars = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
            if (at + 4L + (2L * chars) > data.Length) throw new FormatException();
            end = at + 4 + (2 * (int)chars);
            return System.Text.Encoding.Unicode.GetString(data, at + 4, 2 * (int)chars).TrimEnd('\0');
        }

        private static Encoding EncodingOf(int codePage)
        {
            if (codePage == 1200) return System.Text.Encoding.Unicode;
            if (codePage == 65001) return System.Text.Encoding.UTF8;
            return (codePage is > 0 and < 65536 ? CodePagesEncodingProvider.Instance.GetEncoding(codePage) : null)
                ?? TextDecoding.Windows1252;
        }
    }
}
