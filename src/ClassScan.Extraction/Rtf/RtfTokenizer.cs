namespace ClassScan.Extraction.Rtf;

/// <summary>
/// Splits RTF bytes into tokens (RTF 1.9.1 "Conventions of an RTF Reader"): braces, control words with an
/// optional signed parameter and their delimiting space, control symbols, <c>\'hh</c> bytes, <c>\binN</c> data and
/// runs of literal text. Line ends in the source are not text (the spec's writers wrap lines anywhere). Allocates
/// nothing: words and runs are slices of the input. Never throws on malformed input: a bad <c>\'</c>, an overlong
/// word or a <c>\bin</c> past the end become the nearest sensible token. A ref struct over one input; not shared.
/// </summary>
internal ref struct RtfTokenizer
{
    /// <summary>Longer words are not RTF (the spec allows 32 letters); they are read whole and reported as unknown.</summary>
    public const int MaxWordLength = 32;

    private readonly ReadOnlySpan<byte> input;
    private int pos;

    public RtfTokenizer(ReadOnlySpan<byte> input)
    {
        this.input = input;
    }

    /// <summary>Byte offset of the next token.</summary>
    public readonly int Position => pos;

    /// <summary>The letters of the last <see cref="RtfTokenKind.ControlWord"/>.</summary>
    public ReadOnlySpan<byte> Word { get; private set; }

    /// <summary>The parameter of the last control word (0 without one), or the byte of a <see cref="RtfTokenKind.HexByte"/>.</summary>
    public int Parameter { get; private set; }

    /// <summary>Whether the last control word had a numeric parameter.</summary>
    public bool HasParameter { get; private set; }

    /// <summary>The character of the last <see cref="RtfTokenKind.ControlSymbol"/>; <c>\n</c> for a backslash before a line end.</summary>
    public byte Symbol { get; private set; }

    /// <summary>The bytes of the last <see cref="RtfTokenKind.Text"/> or <see cref="RtfTokenKind.Binary"/>.</summary>
    public ReadOnlySpan<byte> Data { get; private set; }

    public RtfTokenKind Next()
    {
        while (pos < input.Length)
        {
            byte b = input[pos];
            switch (b)
            {
                case (byte)'{':
                    pos++;
                    return RtfTokenKind.GroupStart;
                case (byte)'}':
                    pos++;
                    return RtfTokenKind.GroupEnd;
                case (byte)'\r' or (byte)'\n':
                    pos++;
                    continue;
                case (byte)'\\':
                    return Control();
                default:
                    int start = pos;
                    while (pos < input.Length && input[pos] is not ((byte)'{' or (byte)'}' or (byte)'\\' or (byte)'\r' or (byte)'\n')) pos++;
                    Data = input[start..pos];
                    return RtfTokenKind.Text;
            }
        }
        return RtfTokenKind.End;
    }

    private RtfTokenKind Control()
    {
        pos++; // the backslash
        if (pos >= input.Length) return RtfTokenKind.End;
        byte b = input[pos];
        if (IsLetter(b)) return ControlWord();
        pos++;
        if (b == (byte)'\'')
        {
            if (pos + 1 < input.Length && HexValue(input[pos]) is >= 0 and var hi && HexValue(input[pos + 1]) is >= 0 and var lo)
            {
                pos += 2;
                Parameter = (hi << 4) | lo;
                return RtfTokenKind.HexByte;
            }
            // "\'" without two hex digits: dropped, as Word does; what follows is read as usual.
            Symbol = (byte)'\'';
            return RtfTokenKind.ControlSymbol;
        }
        Symbol = b is (byte)'\r' or (byte)'\n' ? (byte)'\n' : b;
        return RtfTokenKind.ControlSymbol;
    }

    private RtfTokenKind ControlWord()
    {
        int start = pos;
        while (pos < input.Length && IsLetter(input[pos])) pos++;
        Word = input[start..pos];

        HasParameter = false;
        Parameter = 0;
        bool negative = pos + 1 < input.Length && input[pos] == (byte)'-' && IsDigit(input[pos + 1]);
        if (negative) pos++;
        if (pos < input.Length && IsDigit(input[pos]))
        {
            HasParameter = true;
            long value = 0;
            while (pos < input.Length && IsDigit(input[pos]))
            {
                // Clamped, not wrapped: a hostile 40-digit parameter must not turn into a small or negative count.
                if (value < int.MaxValue) value = (value * 10) + (input[pos] - '0');
                pos++;
            }
            value = Math.Min(value, int.MaxValue);
            Parameter = (int)(negative ? -value : value);
        }
        if (pos < input.Length && input[pos] == (byte)' ') pos++;

        if (Word.SequenceEqual("bin"u8))
        {
            // \binN: N raw bytes follow, which may hold braces and backslashes; never more than the input has.
            int length = HasParameter ? Math.Clamp(Parameter, 0, input.Length - pos) : 0;
            Data = input.Slice(pos, length);
            pos += length;
            return RtfTokenKind.Binary;
        }
        return RtfTokenKind.ControlWord;
    }

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
