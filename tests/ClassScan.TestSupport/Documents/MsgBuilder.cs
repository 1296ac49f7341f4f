using System.Buffers.Binary;
using System.Text;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes a small Outlook message (.msg, [MS-OXMSG]) with <see cref="CompoundTreeWriter"/>: string and binary
/// properties as <c>__substg1.0_PPPPTTTT</c> streams, fixed-size ones (times, integers) in
/// <c>__properties_version1.0</c>, recipient and attachment storages, and attached messages embedded as
/// storages (attach method 5), nested as deep as the test needs. Synthetic data only.
/// <code>var bytes = new MsgBuilder().From("a@example.se", "Anna").Subject("Hej").Text("Brödtext").Attach("b.docx", docx).Build();</code>
/// </summary>
public sealed class MsgBuilder
{
    private const ushort TypeInt32 = 0x0003;
    private const ushort TypeString8 = 0x001E;
    private const ushort TypeUnicode = 0x001F;
    private const ushort TypeTime = 0x0040;
    private const ushort TypeBinary = 0x0102;

    private readonly List<(ushort Id, ushort Type, byte[] Data)> streams = [];
    private readonly List<(ushort Id, ushort Type, ulong Value)> values = [];
    private readonly List<(int Type, string Address, string? Name)> recipients = [];
    private readonly List<Func<int, CfbNode.Storage>> attachments = [];

    public MsgBuilder MessageClass(string value) => Unicode(0x001A, value);

    public MsgBuilder From(string address, string? name = null)
    {
        if (name is not null) Unicode(0x0C1A, name);
        Unicode(0x0C1F, address);
        return Unicode(0x0C1E, "SMTP");
    }

    public MsgBuilder To(string address, string? name = null) => Recipient(1, address, name);

    public MsgBuilder Cc(string address, string? name = null) => Recipient(2, address, name);

    public MsgBuilder Bcc(string address, string? name = null) => Recipient(3, address, name);

    public MsgBuilder Subject(string subject) => Unicode(0x0037, subject);

    /// <summary>PidTagClientSubmitTime, the date the message was sent.</summary>
    public MsgBuilder Sent(DateTime utc) => Fixed(0x0039, TypeTime, (ulong)utc.ToFileTimeUtc());

    /// <summary>The plain-text body (PidTagBody, Unicode).</summary>
    public MsgBuilder Text(string text) => Unicode(0x1000, text);

    /// <summary>The HTML body (PidTagHtml) as binary in <paramref name="codePage"/>, declared by PidTagInternetCodepage.</summary>
    public MsgBuilder Html(string html, int codePage = 65001)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
        Fixed(0x3FDE, TypeInt32, (uint)codePage);
        return Property(0x1013, TypeBinary, encoding.GetBytes(html));
    }

    /// <summary>PidTagRtfCompressed: a stream made by <see cref="CompressedRtfWriter"/> (or a damaged one).</summary>
    public MsgBuilder CompressedRtf(byte[] stream) => Property(0x1009, TypeBinary, stream);

    /// <summary>PidTagMessageCodepage: the code page of 8-bit (PT_STRING8) strings.</summary>
    public MsgBuilder CodePage(int codePage) => Fixed(0x3FFD, TypeInt32, (uint)codePage);

    public MsgBuilder Unicode(ushort id, string value) => Property(id, TypeUnicode, Encoding.Unicode.GetBytes(value + "\0"));

    /// <summary>An 8-bit string property, bytes as given (in the message's code page).</summary>
    public MsgBuilder String8(ushort id, byte[] value) => Property(id, TypeString8, [.. value, 0]);

    /// <summary>Any variable-size property as its stream.</summary>
    public MsgBuilder Property(ushort id, ushort type, byte[] data)
    {
        streams.RemoveAll(s => s.Id == id && s.Type == type);
        streams.Add((id, type, data));
        return this;
    }

    /// <summary>Any fixed-size property (integer, time) in the property stream.</summary>
    public MsgBuilder Fixed(ushort id, ushort type, ulong value)
    {
        values.RemoveAll(v => v.Id == id && v.Type == type);
        values.Add((id, type, value));
        return this;
    }

    /// <summary>A file attachment (attach method 1, by value), optionally with its MIME type (PidTagAttachMimeTag).</summary>
    public MsgBuilder Attach(string fileName, byte[] content, string? mimeTag = null)
    {
        attachments.Add(index =>
        {
            var a = new MsgBuilder().Unicode(0x3707, fileName).Unicode(0x3704, fileName).Unicode(0x3001, fileName)
                .Fixed(0x3705, TypeInt32, 1).Property(0x3701, TypeBinary, content);
            if (mimeTag is not null) a.Unicode(0x370E, mimeTag);
            return a.Storage(AttachmentName(index), 8, []);
        });
        return this;
    }

    /// <summary>An attached message embedded as a storage (attach method 5), as Outlook stores a forwarded mail.</summary>
    public MsgBuilder AttachMessage(MsgBuilder message, string displayName)
    {
        attachments.Add(index =>
        {
            var a = new MsgBuilder().Unicode(0x3001, displayName).Fixed(0x3705, TypeInt32, 5);
            return a.Storage(AttachmentName(index), 8, [message.Storage("__substg1.0_3701000D", 24, [])]);
        });
        return this;
    }

    /// <summary>An attachment storage written as given (its properties from <paramref name="attachment"/>), e.g. a linked or OLE attachment.</summary>
    public MsgBuilder AttachRaw(MsgBuilder attachment, params CfbNode[] extra)
    {
        attachments.Add(index => attachment.Storage(AttachmentName(index), 8, extra));
        return this;
    }

    public byte[] Build() => CompoundTreeWriter.Write(Storage("Root Entry", 32, []));

    private MsgBuilder Recipient(int type, string address, string? name)
    {
        recipients.Add((type, address, name));
        return this;
    }

    private static string AttachmentName(int index) => $"__attach_version1.0_#{index:X8}";

    private CfbNode.Storage Storage(string name, int headerSize, IEnumerable<CfbNode> extra)
    {
        var children = new List<CfbNode>();
        for (int i = 0; i < recipients.Count; i++)
        {
            var (type, address, display) = recipients[i];
            var r = new MsgBuilder().Fixed(0x0C15, TypeInt32, (uint)type).Unicode(0x3003, address).Unicode(0x39FE, address).Unicode(0x3002, "SMTP");
            if (display is not null) r.Unicode(0x3001, display);
            children.Add(r.Storage($"__recip_version1.0_#{i:X8}", 8, []));
        }
        for (int i = 0; i < attachments.Count; i++) children.Add(attachments[i](i));
        foreach (var (id, type, data) in streams) children.Add(new CfbNode.Stream($"__substg1.0_{id:X4}{type:X4}", data));
        children.AddRange(extra);
        children.Add(new CfbNode.Stream("__properties_version1.0", PropertyStream(headerSize)));
        return new CfbNode.Storage(name, children);
    }

    private byte[] PropertyStream(int headerSize)
    {
        var entries = values.Select(v => (v.Id, v.Type, Value: v.Value))
            .Concat(streams.Select(s => (s.Id, s.Type, Value: (ulong)s.Data.Length)))
            .ToList();
        var data = new byte[headerSize + (16 * entries.Count)];
        if (headerSize >= 24)
        {
            // Next recipient and attachment ids, then the counts ([MS-OXMSG] 2.4.1.1).
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), recipients.Count);
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(12), attachments.Count);
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16), recipients.Count);
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(20), attachments.Count);
        }
        for (int i = 0; i < entries.Count; i++)
        {
            var e = data.AsSpan(headerSize + (16 * i), 16);
            BinaryPrimitives.WriteUInt32LittleEndian(e, ((uint)entries[i].Id << 16) | entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(e[4..], 6); // readable, writable
            BinaryPrimitives.WriteUInt64LittleEndian(e[8..], entries[i].Value);
        }
        return data;
    }
}
