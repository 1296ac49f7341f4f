using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction.Mail;

/// <summary>
/// The properties of one object of an Outlook message ([MS-OXMSG] 2.4): a message, recipient or attachment
/// storage. Variable-size values are the storage's streams <c>__substg1.0_PPPPTTTT</c> (property id, type);
/// fixed-size values (integers, times) are 16-byte entries of its <c>__properties_version1.0</c> stream after a
/// header of 32 bytes (the top-level message), 24 (an embedded message) or 8 (recipients, attachments).
/// 8-bit strings are in the message's code page. Reads go through <see cref="MsgFile"/> and are bounded.
/// Not thread-safe.
/// </summary>
internal sealed class MsgProperties
{
    public const string StreamPrefix = "__substg1.0_";
    public const string PropertiesStream = "__properties_version1.0";

    public const ushort TypeInt32 = 0x0003;
    public const ushort TypeObject = 0x000D;
    public const ushort TypeString8 = 0x001E;
    public const ushort TypeUnicode = 0x001F;
    public const ushort TypeTime = 0x0040;
    public const ushort TypeBinary = 0x0102;

    // A real object has a few hundred properties; past this the stream is not a property list.
    private const int MaxPropertiesBytes = 1024 * 1024;
    private const int DefaultMaxChars = 64 * 1024;

    private const ushort MessageCodepage = 0x3FFD;
    private const ushort InternetCodepage = 0x3FDE;
    private const ushort MessageLocaleId = 0x3FF1;

    private readonly MsgFile file;
    private readonly Dictionary<string, CompoundFileEntry> children;
    private readonly Dictionary<uint, ulong> fixedValues;

    private MsgProperties(MsgFile file, CompoundFileEntry storage, Dictionary<string, CompoundFileEntry> children, Dictionary<uint, ulong> fixedValues)
    {
        this.file = file;
        Storage = storage;
        this.children = children;
        this.fixedValues = fixedValues;
        Ansi = TextDecoding.Windows1252;
    }

    public CompoundFileEntry Storage { get; }

    /// <summary>The code page of 8-bit strings: the message's own, else the one it inherits, else Windows-1252.</summary>
    public Encoding Ansi { get; private set; }

    /// <summary>The code page declared for the message's internet (HTML) body, if any.</summary>
    public Encoding? InternetEncoding => EncodingOf(Int32(InternetCodepage));

    public static MsgProperties Load(MsgFile file, CompoundFileEntry storage, int headerSize, Encoding? inheritedAnsi)
    {
        var children = new Dictionary<string, CompoundFileEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in file.Compound.Children(storage)) children.TryAdd(child.Name, child);

        var values = new Dictionary<uint, ulong>();
        if (children.TryGetValue(PropertiesStream, out var stream) && stream.Type == CompoundFileEntryType.Stream)
        {
            var data = file.Read(stream, MaxPropertiesBytes);
            for (int off = headerSize; off + 16 <= data.Length; off += 16)
                values.TryAdd(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(off)), BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(off + 8)));
        }
        var props = new MsgProperties(file, storage, children, values);
        props.Ansi = EncodingOf(props.Int32(MessageCodepage)) ?? EncodingOf(props.Int32(InternetCodepage))
            ?? LocaleEncoding(props.Int32(MessageLocaleId)) ?? inheritedAnsi ?? TextDecoding.Windows1252;
        return props;
    }

    /// <summary>True when the storage holds message properties, i.e. is a message rather than an OLE object.</summary>
    public static bool LooksLikeMessage(IEnumerable<CompoundFileEntry> entries) =>
        entries.Any(e => e.Name.StartsWith(StreamPrefix, StringComparison.OrdinalIgnoreCase)
                         || e.Name.Equals(PropertiesStream, StringComparison.OrdinalIgnoreCase));

    public bool LooksLikeMessage() => LooksLikeMessage(children.Values);

    /// <summary>The child storages whose name starts with <paramref name="prefix"/>, in name order.</summary>
    public IReadOnlyList<CompoundFileEntry> Storages(string prefix) =>
        children.Values.Where(e => e.Type == CompoundFileEntryType.Storage && e.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>A string property (Unicode, else 8-bit), trailing NULs removed, at most <paramref name="maxChars"/> characters.</summary>
    public string? String(ushort id, int maxChars = DefaultMaxChars)
    {
        if (StreamOf(id, TypeUnicode) is { } unicode)
            return Trim(Encoding.Unicode.GetString(file.Read(unicode, (int)Math.Min(2L * maxChars + 2, file.MaxStreamBytes))), maxChars);
        if (StreamOf(id, TypeString8) is { } ansi)
            return Trim(Ansi.GetString(file.Read(ansi, (int)Math.Min(4L * maxChars + 4, file.MaxStreamBytes))), maxChars);
        return null;
    }

    /// <summary>The string's stream, whichever its type; null if absent.</summary>
    public CompoundFileEntry? StringStream(ushort id) => StreamOf(id, TypeUnicode) ?? StreamOf(id, TypeString8);

    public CompoundFileEntry? StreamOf(ushort id, ushort type) =>
        children.GetValueOrDefault(Name(id, type)) is { Type: CompoundFileEntryType.Stream } e ? e : null;

    /// <summary>A binary property whole, within the stream bound of <see cref="MsgFile"/>.</summary>
    public byte[]? Binary(ushort id) => StreamOf(id, TypeBinary) is { } s ? file.Read(s, file.MaxStreamBytes) : null;

    /// <summary>An object property (PT_OBJECT) stored as a storage: an embedded message or OLE object.</summary>
    public CompoundFileEntry? Object(ushort id) =>
        children.GetValueOrDefault(Name(id, TypeObject)) is { Type: CompoundFileEntryType.Storage } e ? e : null;

    public int? Int32(ushort id) => fixedValues.TryGetValue(Tag(id, TypeInt32), out var v) ? unchecked((int)(uint)v) : null;

    public DateTime? Time(ushort id)
    {
        if (!fixedValues.TryGetValue(Tag(id, TypeTime), out var v)) return null;
        // FILETIME: 100 ns ticks since 1601; zero and values past year 9999 mean "not set" or damage.
        if (v == 0 || v > (ulong)(DateTime.MaxValue.Ticks - new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks)) return null;
        return DateTime.FromFileTimeUtc((long)v);
    }

    private static uint Tag(ushort id, ushort type) => ((uint)id << 16) | type;

    private static string Name(ushort id, ushort type) => $"{StreamPrefix}{id:X4}{type:X4}";

    private static string Trim(string value, int maxChars)
    {
        var text = value.TrimEnd('\0');
        return text.Length > maxChars ? text[..maxChars] : text;
    }

    internal static Encoding? EncodingOf(int? codePage)
    {
        // 1200/1201 (UTF-16) cannot hold 8-bit strings; a writer that says so is wrong, so it is ignored.
        if (codePage is not { } cp || cp <= 0 || cp > 65535 || cp is 1200 or 1201) return null;
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(cp) ?? Encoding.GetEncoding(cp);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static Encoding? LocaleEncoding(int? lcid)
    {
        if (lcid is not { } id || id <= 0) return null;
        try
        {
            return EncodingOf(CultureInfo.GetCultureInfo(id).TextInfo.ANSICodePage);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
