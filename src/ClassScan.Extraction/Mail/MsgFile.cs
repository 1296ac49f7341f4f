using System.Runtime.CompilerServices;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Mail;

/// <summary>
/// One Outlook message file being read: its compound file, the properties of its objects, the messages and
/// attachments already read, and the bytes read so far. A directory tree that reaches a message or attachment
/// twice is damaged or hostile (in a well-formed file every storage has one parent), so it stops the extraction
/// instead of being read again, which would let a loop hang or a small file multiply its content. The bytes read, shared with the messages attached inside as files of their own,
/// are bounded by <see cref="ExtractionLimits.MaxUncompressedBytes"/>. Not thread-safe: one per extraction.
/// </summary>
internal sealed class MsgFile
{
    private readonly Dictionary<int, MsgProperties> properties = [];
    private readonly HashSet<int> entered = [];
    private readonly StrongBox<long> bytesRead;

    public MsgFile(CompoundFile compound, ExtractionLimits limits, CancellationToken ct)
        : this(compound, limits, ct, new StrongBox<long>())
    {
    }

    private MsgFile(CompoundFile compound, ExtractionLimits limits, CancellationToken ct, StrongBox<long> bytesRead)
    {
        Compound = compound;
        Limits = limits;
        Token = ct;
        this.bytesRead = bytesRead;
    }

    public CompoundFile Compound { get; }

    public ExtractionLimits Limits { get; }

    public CancellationToken Token { get; }

    /// <summary>Largest stream read whole: an attachment as large as a file may be.</summary>
    public int MaxStreamBytes => (int)Math.Min(Limits.MaxFileBytes, Array.MaxLength);

    /// <summary>A message attached as a .msg file: its own compound file, the same byte budget.</summary>
    public MsgFile Nested(CompoundFile compound) => new(compound, Limits, Token, bytesRead);

    /// <summary>Up to <paramref name="maxBytes"/> of a stream, counted against the budget.</summary>
    public byte[] Read(CompoundFileEntry stream, int maxBytes)
    {
        Token.ThrowIfCancellationRequested();
        var data = Compound.ReadPrefix(stream, maxBytes);
        bytesRead.Value += data.Length;
        if (bytesRead.Value > Limits.MaxUncompressedBytes)
        {
            throw ExtractionStop.Limit(nameof(ExtractionLimits.MaxUncompressedBytes),
                $"Outlook message reads more than {Limits.MaxUncompressedBytes:N0} bytes (MaxUncompressedBytes)");
        }
        return data;
    }

    /// <summary>The properties of a message, recipient or attachment storage (loaded once, then looked up).</summary>
    public MsgProperties Properties(CompoundFileEntry storage, int headerSize, Encoding? inheritedAnsi)
    {
        if (properties.TryGetValue(storage.Id, out var known)) return known;
        var loaded = MsgProperties.Load(this, storage, headerSize, inheritedAnsi);
        properties[storage.Id] = loaded;
        return loaded;
    }

    /// <summary>Marks a message or attachment as read; stops the extraction when the directory reaches it again.</summary>
    public void Enter(MsgProperties item)
    {
        if (!entered.Add(item.Storage.Id)) throw ExtractionStop.Corrupt("invalid Outlook message: a storage is reached twice in the directory");
    }
}
