using System.Text;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// Reads one logical BIFF record that goes on in CONTINUE records (SST, STRING, TXO): fields run on across the
/// record boundaries, except the characters of a string, where each continuation starts with its own option byte
/// whose fHighByte says again whether the rest is one byte or two per character ([MS-XLS] 2.5.293-2.5.296). Every
/// read is checked against the bytes there; running out throws <see cref="EndOfRecordException"/>.
/// </summary>
internal sealed class XlsContinuedReader
{
    private readonly byte[] data;
    private readonly IReadOnlyList<(int Start, int Length)> parts;
    private int part;
    private int pos;
    private int end;

    public XlsContinuedReader(byte[] data, IReadOnlyList<(int Start, int Length)> parts)
    {
        this.data = data;
        this.parts = parts;
        part = 0;
        pos = parts.Count > 0 ? parts[0].Start : 0;
        end = parts.Count > 0 ? parts[0].Start + parts[0].Length : 0;
    }

    /// <summary>True when no byte is left in this record or its continuations.</summary>
    public bool AtEnd
    {
        get
        {
            if (pos < end) return false;
            for (int i = part + 1; i < parts.Count; i++)
                if (parts[i].Length > 0) return false;
            return true;
        }
    }

    public byte ReadByte()
    {
        while (pos >= end) NextPart();
        return data[pos++];
    }

    public ushort ReadUInt16() => (ushort)(ReadByte() | (ReadByte() << 8));

    public int ReadInt32() => ReadUInt16() | (ReadUInt16() << 16);

    /// <summary>Skips <paramref name="count"/> bytes (formatting runs, phonetic blocks); a negative count is damage.</summary>
    public void Skip(long count)
    {
        if (count < 0) throw new EndOfRecordException();
        while (count > 0)
        {
            while (pos >= end) NextPart();
            int n = (int)Math.Min(count, end - pos);
            pos += n;
            count -= n;
        }
    }

    /// <summary>Moves to the end of the current part: the next string characters then start with an option byte.</summary>
    public void SkipToPartEnd() => pos = end;

    /// <summary>
    /// Appends <paramref name="count"/> characters, one byte (Latin-1, the low byte of UTF-16) or two bytes (UTF-16)
    /// each; at a continuation the option byte there decides the width of the rest.
    /// </summary>
    public void ReadChars(int count, bool highByte, StringBuilder target)
    {
        int left = count;
        while (left > 0)
        {
            if (pos >= end)
            {
                NextPart();
                while (pos >= end) NextPart(); // an empty CONTINUE carries no option byte
                highByte = (data[pos++] & 0x01) != 0;
                continue;
            }
            int width = highByte ? 2 : 1;
            int available = (end - pos) / width;
            if (available == 0)
            {
                pos = end; // half of a two-byte character before a boundary: damage, dropped
                continue;
            }
            int n = Math.Min(available, left);
            var bytes = data.AsSpan(pos, n * width);
            target.Append(highByte ? Encoding.Unicode.GetString(bytes) : Encoding.Latin1.GetString(bytes));
            pos += n * width;
            left -= n;
        }
    }

    private void NextPart()
    {
        if (part + 1 >= parts.Count) throw new EndOfRecordException();
        part++;
        pos = parts[part].Start;
        end = pos + parts[part].Length;
    }
}
