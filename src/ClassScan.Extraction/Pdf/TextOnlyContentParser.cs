using System.Buffers;
using System.Text;
using System.Text.Unicode;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.General;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Graphics.Operations.TextObjects;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokens;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// Reads a content stream for the operations that place text, and nothing else: text objects, text state and
/// positioning, the text-showing operators, the graphics-state stack and its matrix (text positions go through it),
/// named graphics states (they can set the font) and XObjects (a form can hold text). Every other operator (paths,
/// colour, images, shading, marked content) is skipped where it stands: its operands are stepped over, never made into
/// tokens. PdfPig's own parser builds a token object for every number of every path, which was a third of a PDF's
/// extraction time; the operations made here are PdfPig's own classes, so the page is run exactly as before.
/// <para>
/// Operand values follow PdfPig 0.1.16's tokenizers byte for byte (numbers, literal strings with their escapes and its
/// end-of-string check, hex strings, names, <c>inf</c>), so the glyphs and their positions are the same; a
/// text operator whose operands are not what it needs is left out, as PdfPig's lenient parsing does. Differences
/// are on purpose and only in broken or unusual streams: a string of a text operator is passed as its bytes even when
/// it starts with a UTF-16 byte-order mark (PdfPig re-encodes the decoded text as Latin-1 and loses it), an inline image
/// ends at the first "EI" that PdfPig would also accept (no later recovery), and a malformed token is skipped
/// instead of failing the page. Stateless and thread-safe.
/// </para>
/// </summary>
internal sealed class TextOnlyContentParser : IPageContentParser
{
    public static TextOnlyContentParser Instance { get; } = new();

    private TextOnlyContentParser()
    {
    }

    public IReadOnlyList<IGraphicsStateOperation> Parse(int pageNumber, IInputBytes inputBytes, ILog log)
    {
        var length = checked((int)inputBytes.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            inputBytes.Seek(0);
            var read = inputBytes.Read(buffer.AsSpan(0, length));
            var operations = new List<IGraphicsStateOperation>();
            new Reader(buffer.AsSpan(0, read), operations).Run();
            return operations;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum Kind : byte
    {
        Number,
        String,
        Name,
        Array,
        Other,
    }

    /// <summary>One operand: a number's value, or where a string's decoded bytes, a name's raw bytes or an array's
    /// elements are.</summary>
    private readonly record struct Operand(Kind Kind, double Number, int Start, int Length);

    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> bytes;
        private readonly List<IGraphicsStateOperation> operations;
        private readonly List<Operand> operands = [];
        private readonly List<Operand> elements = [];
        private byte[] scratch = [];
        private int scratchLength;
        private int position;

        public Reader(ReadOnlySpan<byte> bytes, List<IGraphicsStateOperation> operations)
        {
            this.bytes = bytes;
            this.operations = operations;
        }

        public void Run()
        {
            while (position < bytes.Length)
            {
                var b = bytes[position];
                if (IsWhitespaceOrControl(b))
                {
                    position++;
                    continue;
                }
                switch (b)
                {
                    case (byte)'%':
                        SkipComment();
                        break;
                    case (byte)'(':
                        operands.Add(ReadLiteralString());
                        break;
                    case (byte)'<' when position + 1 < bytes.Length && bytes[position + 1] == '<':
                        SkipDictionary();
                        operands.Add(new Operand(Kind.Other, 0, 0, 0));
                        break;
                    case (byte)'<':
                        operands.Add(ReadHexString());
                        break;
                    case (byte)'[':
                        operands.Add(ReadArray());
                        break;
                    case (byte)'/':
                        operands.Add(ReadName());
                        break;
                    case (byte)'+' or (byte)'-' or (byte)'.' or >= (byte)'0' and <= (byte)'9':
                        if (TryReadNumber(out var number)) operands.Add(new Operand(Kind.Number, number, 0, 0));
                        else SkipMalformedToken();
                        break;
                    default:
                        var start = position;
                        position++;
                        while (position < bytes.Length && !EndsPlainToken(bytes[position])) position++;
                        Operator(bytes[start..position]);
                        break;
                }
            }
        }

        /// <summary>What an operator does with the operands read since the previous one.</summary>
        private void Operator(ReadOnlySpan<byte> op)
        {
            if (op.SequenceEqual("true"u8) || op.SequenceEqual("false"u8) || op.SequenceEqual("null"u8))
            {
                operands.Add(new Operand(Kind.Other, 0, 0, 0));
                return;
            }
            if (op.SequenceEqual("inf"u8))
            {
                // A broken writer's infinity (PdfPig issue 467): PdfPig reads it as an operand of value zero.
                operands.Add(new Operand(Kind.Number, 0, 0, 0));
                return;
            }
            if (op.SequenceEqual("BI"u8))
            {
                SkipInlineImage();
            }
            else if (Create(op) is { } operation)
            {
                operations.Add(operation);
            }
            operands.Clear();
            elements.Clear();
            scratchLength = 0;
        }

        /// <summary>The operation PdfPig's factory makes for a text-related operator, null for every other operator and
        /// for operands PdfPig's factory would throw on (which its lenient parser then leaves out).</summary>
        private readonly IGraphicsStateOperation? Create(ReadOnlySpan<byte> op)
        {
            switch (op.Length)
            {
                case 1:
                    switch (op[0])
                    {
                        case (byte)'q': return Push.Value;
                        case (byte)'Q': return Pop.Value;
                        case (byte)'\'':
                            return operands.Count == 1 && operands[0].Kind == Kind.String ? new MoveToNextLineShowText(Bytes(operands[0])) : null;
                        case (byte)'"':
                            return operands.Count >= 3 && operands[0].Kind == Kind.Number && operands[1].Kind == Kind.Number && operands[2].Kind == Kind.String
                                ? new MoveToNextLineShowTextWithSpacing(operands[0].Number, operands[1].Number, Bytes(operands[2]))
                                : null;
                    }
                    return null;
                case 2:
                    break;
                default:
                    return null;
            }

            switch ((char)op[0], (char)op[1])
            {
                case ('B', 'T'): return BeginText.Value;
                case ('E', 'T'): return EndText.Value;
                case ('T', '*'): return MoveToNextLine.Value;
                case ('T', 'f'):
                    return operands.Count >= 2 && operands[0].Kind == Kind.Name && operands[1].Kind == Kind.Number
                        ? new SetFontAndSize(Name(operands[0]), operands[1].Number)
                        : null;
                case ('T', 'd'):
                    return FirstAreNumbers(2) ? new MoveToNextLineWithOffset(operands[0].Number, operands[1].Number) : null;
                case ('T', 'D'):
                    return FirstAreNumbers(2) ? new MoveToNextLineWithOffsetSetLeading(operands[0].Number, operands[1].Number) : null;
                case ('T', 'm'):
                    return Matrix() is { } textMatrix ? new SetTextMatrix(textMatrix) : null;
                case ('c', 'm'):
                    return Matrix() is { } matrix ? new ModifyCurrentTransformationMatrix(matrix) : null;
                case ('T', 'c'): return FirstAreNumbers(1) ? new SetCharacterSpacing(operands[0].Number) : null;
                case ('T', 'w'): return FirstAreNumbers(1) ? new SetWordSpacing(operands[0].Number) : null;
                case ('T', 'z'): return FirstAreNumbers(1) ? new SetHorizontalScaling(operands[0].Number) : null;
                case ('T', 'L'): return FirstAreNumbers(1) ? new SetTextLeading(operands[0].Number) : null;
                case ('T', 's'): return FirstAreNumbers(1) ? new SetTextRise(operands[0].Number) : null;
                case ('T', 'r'): return FirstAreNumbers(1) ? new SetTextRenderingMode((int)operands[0].Number) : null;
                case ('T', 'j'):
                    return operands.Count == 1 && operands[0].Kind == Kind.String ? new ShowText(Bytes(operands[0])) : null;
                case ('T', 'J'):
                    return ShowTexts();
                case ('g', 's'):
                    return operands.Count >= 1 && operands[0].Kind == Kind.Name ? new SetGraphicsStateParametersFromDictionary(Name(operands[0])) : null;
                case ('D', 'o'):
                    return operands.Count >= 1 && operands[0].Kind == Kind.Name ? new InvokeNamedXObject(Name(operands[0])) : null;
                default:
                    return null;
            }
        }

        private readonly bool FirstAreNumbers(int count)
        {
            if (operands.Count < count) return false;
            for (var i = 0; i < count; i++)
                if (operands[i].Kind != Kind.Number) return false;
            return true;
        }

        /// <summary>Six numbers as PdfPig gathers them (leading numbers, the numbers of an array in their place, up to the
        /// first operand that is neither), or null when there are not exactly six.</summary>
        private readonly double[]? Matrix()
        {
            Span<double> values = stackalloc double[6];
            var count = 0;
            foreach (var operand in operands)
            {
                if (operand.Kind == Kind.Array)
                {
                    for (var j = operand.Start; j < operand.Start + operand.Length; j++)
                    {
                        if (elements[j].Kind != Kind.Number) return count == 6 ? values.ToArray() : null;
                        if (count == 6) return null;
                        values[count++] = elements[j].Number;
                    }
                }
                if (operand.Kind != Kind.Number) break;
                if (count == 6) return null;
                values[count++] = operand.Number;
            }
            return count == 6 ? values.ToArray() : null;
        }

        /// <summary>TJ: its array's strings and adjustments (elements of other kinds are left out; PdfPig fails the page).</summary>
        private readonly ShowTextsWithPositioning? ShowTexts()
        {
            if (operands.Count == 0) return null;
            var tokens = new List<IToken>();
            if (operands.Count == 1 && operands[0].Kind == Kind.Array)
            {
                for (var j = operands[0].Start; j < operands[0].Start + operands[0].Length; j++) AddTextToken(tokens, elements[j]);
            }
            else
            {
                foreach (var operand in operands) AddTextToken(tokens, operand);
            }
            return new ShowTextsWithPositioning(tokens);
        }

        private readonly void AddTextToken(List<IToken> tokens, in Operand operand)
        {
            if (operand.Kind == Kind.Number) tokens.Add(operand.Number == 0 ? NumericToken.Zero : new NumericToken(operand.Number));
            // The processor takes a string token's bytes as Latin-1, which gives back exactly these bytes.
            else if (operand.Kind == Kind.String) tokens.Add(new StringToken(Encoding.Latin1.GetString(scratch, operand.Start, operand.Length)));
        }

        private readonly byte[] Bytes(in Operand operand) => scratch.AsSpan(operand.Start, operand.Length).ToArray();

        /// <summary>A name as PdfPig's NameTokenizer decodes it: #xx escapes, then UTF-8 if valid, else Windows-1252.</summary>
        private readonly NameToken Name(in Operand operand)
        {
            var raw = bytes.Slice(operand.Start, operand.Length);
            if (raw.IndexOf((byte)'#') < 0 && Ascii.IsValid(raw)) return NameToken.Create(Encoding.ASCII.GetString(raw));
            var decoded = new List<byte>(raw.Length);
            var escapeActive = false;
            var postEscapeRead = 0;
            Span<byte> escaped = stackalloc byte[2];
            foreach (var b in raw)
            {
                if (b == '#')
                {
                    // As in PdfPig, a '#' inside an escape neither writes nor restarts it ("#A#B" is 0xAB).
                    escapeActive = true;
                }
                else if (escapeActive)
                {
                    if (char.IsAsciiHexDigit((char)b))
                    {
                        escaped[postEscapeRead++] = b;
                        if (postEscapeRead == 2)
                        {
                            decoded.Add((byte)(HexValue(escaped[0]) * 16 + HexValue(escaped[1])));
                            escapeActive = false;
                            postEscapeRead = 0;
                        }
                    }
                    else
                    {
                        decoded.Add((byte)'#');
                        if (postEscapeRead == 1) decoded.Add(escaped[0]);
                        decoded.Add(b);
                        escapeActive = false;
                        postEscapeRead = 0;
                    }
                }
                else
                {
                    decoded.Add(b);
                }
            }
            if (escapeActive)
            {
                // The name ended inside an escape: PdfPig writes what it had when the ending byte arrives.
                decoded.Add((byte)'#');
                if (postEscapeRead == 1) decoded.Add(escaped[0]);
            }
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(decoded);
            var text = Utf8.IsValid(span) ? Encoding.UTF8.GetString(span) : Windows1252.GetString(span);
            return NameToken.Create(text);
        }

        private Operand ReadName()
        {
            var start = ++position;
            while (position < bytes.Length && !IsEndOfName(bytes[position])) position++;
            return new Operand(Kind.Name, 0, start, position - start);
        }

        /// <summary>PdfPig's NumericTokenizer: the same digits give the same double.</summary>
        private bool TryReadNumber(out double value)
        {
            value = 0;
            var isNegative = false;
            double integerPart = 0;
            var hasFraction = false;
            long fractionalPart = 0;
            var fractionalCount = 0;
            var hasExponent = false;
            var isExponentNegative = false;
            var exponentPart = 0;
            var readBytes = 0;
            for (; position < bytes.Length; position++, readBytes++)
            {
                var b = bytes[position];
                if (b is >= (byte)'0' and <= (byte)'9')
                {
                    if (hasExponent) exponentPart = exponentPart * 10 + (b - '0');
                    else if (hasFraction)
                    {
                        fractionalPart = fractionalPart * 10 + (b - '0');
                        fractionalCount++;
                    }
                    else integerPart = integerPart * 10 + (b - '0');
                }
                else if (b == '+')
                {
                }
                else if (b == '-')
                {
                    if (hasExponent) isExponentNegative = true;
                    else isNegative = true;
                }
                else if (b == '.')
                {
                    if (hasExponent || hasFraction) return false;
                    hasFraction = true;
                }
                else if (b is (byte)'e' or (byte)'E')
                {
                    if (readBytes == 0 || hasExponent) return false;
                    hasExponent = true;
                }
                else
                {
                    break;
                }
            }

            if (hasExponent && !isExponentNegative)
            {
                var combined = integerPart * Pow10(fractionalCount) + fractionalPart;
                var shift = exponentPart - fractionalCount;
                integerPart = shift >= 0 ? combined * Pow10(shift) : combined / Pow10(-shift);
                hasFraction = false;
                hasExponent = false;
            }
            if (hasFraction && fractionalCount > 0)
            {
                integerPart += fractionalCount switch
                {
                    1 => fractionalPart / 10.0,
                    2 => fractionalPart / 100.0,
                    3 => fractionalPart / 1000.0,
                    _ => fractionalPart / Math.Pow(10, fractionalCount),
                };
            }
            if (hasExponent) integerPart *= Math.Pow(10, isExponentNegative ? -exponentPart : exponentPart);
            // PdfPig gives every zero, "-0" included, as its one positive zero token.
            value = integerPart == 0 ? 0 : isNegative ? -integerPart : integerPart;
            return true;
        }

        private static double Pow10(int exponent) => exponent switch
        {
            0 => 1,
            1 => 10,
            2 => 100,
            3 => 1000,
            4 => 10000,
            5 => 100000,
            6 => 1000000,
            7 => 10000000,
            8 => 100000000,
            9 => 1000000000,
            _ => Math.Pow(10, exponent),
        };

        /// <summary>After a token PdfPig could not read, it passes over bytes up to the next whitespace or control byte.</summary>
        private void SkipMalformedToken()
        {
            // A '>' ends the skip: PdfPig reads it as an operator of its own, which drops the operands before it.
            while (position < bytes.Length && !IsWhitespaceOrControl(bytes[position]) && bytes[position] != '>') position++;
        }

        private void SkipComment()
        {
            while (position < bytes.Length && bytes[position] is not ((byte)'\r' or (byte)'\n')) position++;
        }

        /// <summary>A literal string as PdfPig's StringTokenizer reads it, its bytes decoded into the scratch buffer.</summary>
        private Operand ReadLiteralString()
        {
            var start = scratchLength;
            position++;
            var brackets = 1;
            var escapeActive = false;
            var lineBreaking = false;
            var octalActive = false;
            var octal = 0;
            var octalsRead = 0;
            while (position < bytes.Length)
            {
                var c = bytes[position++];
                if (octalActive)
                {
                    var isOctal = c is >= (byte)'0' and <= (byte)'7';
                    if (isOctal)
                    {
                        octal = octal * 8 + (c - '0');
                        octalsRead++;
                    }
                    if (octalsRead == 3 || !isOctal)
                    {
                        // PdfPig appends the code as a char; Latin-1 turns one above 255 into '?'.
                        Append(octal > 0xFF ? (byte)'?' : (byte)octal);
                        octal = 0;
                        octalsRead = 0;
                        octalActive = false;
                    }
                    if (isOctal) continue;
                }

                switch (c)
                {
                    case (byte)')':
                        lineBreaking = false;
                        if (!escapeActive) brackets--;
                        escapeActive = false;
                        if (brackets > 0) Append(c);
                        if (EndsStringEarly()) brackets = 0;
                        break;
                    case (byte)'(':
                        lineBreaking = false;
                        if (!escapeActive) brackets++;
                        escapeActive = false;
                        Append(c);
                        break;
                    case (byte)'\\':
                        lineBreaking = false;
                        if (escapeActive)
                        {
                            Append(c);
                            escapeActive = false;
                        }
                        else
                        {
                            escapeActive = true;
                        }
                        break;
                    default:
                        if (lineBreaking)
                        {
                            if (c is (byte)'\r' or (byte)'\n') continue;
                            lineBreaking = false;
                            Append(c);
                        }
                        else if (escapeActive)
                        {
                            escapeActive = false;
                            switch (c)
                            {
                                case (byte)'n': Append((byte)'\n'); break;
                                case (byte)'r': Append((byte)'\r'); break;
                                case (byte)'t': Append((byte)'\t'); break;
                                case (byte)'b': Append((byte)'\b'); break;
                                case (byte)'f': Append((byte)'\f'); break;
                                case >= (byte)'0' and <= (byte)'7':
                                    octal = c - '0';
                                    octalActive = true;
                                    octalsRead = 1;
                                    break;
                                case (byte)'\r' or (byte)'\n':
                                    lineBreaking = true;
                                    break;
                                default:
                                    Append(c);
                                    break;
                            }
                        }
                        else
                        {
                            Append(c);
                        }
                        break;
                }
                if (brackets <= 0) break;
            }
            return new Operand(Kind.String, 0, start, scratchLength - start);
        }

        /// <summary>PdfPig's check after every ')': a carriage return followed by '/' or '>' (directly or after a line
        /// feed) ends the string even if its brackets do not balance.</summary>
        private readonly bool EndsStringEarly()
        {
            if (position + 3 > bytes.Length || bytes[position] != '\r') return false;
            var b1 = bytes[position + 1];
            var b2 = bytes[position + 2];
            return (b1 == '\n' && b2 == '/') || b2 == '>' || b1 == '/' || b1 == '>';
        }

        /// <summary>A hex string as PdfPig's HexToken decodes it (whitespace ignored, an odd last digit padded with 0).
        /// A byte that is not a hex digit ends the token and is passed over with what follows it, as PdfPig does.</summary>
        private Operand ReadHexString()
        {
            var start = scratchLength;
            position++;
            var high = -1;
            while (position < bytes.Length)
            {
                var c = bytes[position++];
                if (IsWhitespace(c)) continue;
                if (c == '>') break;
                var value = HexValue(c);
                if (value < 0)
                {
                    scratchLength = start;
                    SkipMalformedToken();
                    return new Operand(Kind.Other, 0, 0, 0);
                }
                if (high < 0)
                {
                    high = value;
                }
                else
                {
                    Append((byte)(high * 16 + value));
                    high = -1;
                }
            }
            if (high >= 0) Append((byte)(high * 16));
            return new Operand(Kind.String, 0, start, scratchLength - start);
        }

        /// <summary>An array's elements, kept in order in <see cref="elements"/>; one nested inside it counts as one
        /// element of no use to a text operator.</summary>
        private Operand ReadArray()
        {
            position++;
            var start = elements.Count;
            while (position < bytes.Length)
            {
                var b = bytes[position];
                if (IsWhitespaceOrControl(b))
                {
                    position++;
                    continue;
                }
                switch (b)
                {
                    case (byte)']':
                        position++;
                        return new Operand(Kind.Array, 0, start, elements.Count - start);
                    case (byte)'%':
                        SkipComment();
                        break;
                    case (byte)'(':
                        elements.Add(ReadLiteralString());
                        break;
                    case (byte)'<' when position + 1 < bytes.Length && bytes[position + 1] == '<':
                        SkipDictionary();
                        elements.Add(new Operand(Kind.Other, 0, 0, 0));
                        break;
                    case (byte)'<':
                        elements.Add(ReadHexString());
                        break;
                    case (byte)'[':
                        SkipArray();
                        elements.Add(new Operand(Kind.Other, 0, 0, 0));
                        break;
                    case (byte)'/':
                        var name = ReadName();
                        elements.Add(name with { Kind = Kind.Other });
                        break;
                    case (byte)'+' or (byte)'-' or (byte)'.' or >= (byte)'0' and <= (byte)'9':
                        if (TryReadNumber(out var number)) elements.Add(new Operand(Kind.Number, number, 0, 0));
                        else SkipMalformedToken();
                        break;
                    default:
                        position++;
                        while (position < bytes.Length && !EndsPlainToken(bytes[position])) position++;
                        elements.Add(new Operand(Kind.Other, 0, 0, 0));
                        break;
                }
            }
            return new Operand(Kind.Array, 0, start, elements.Count - start);
        }

        /// <summary>Steps over a nested array, its strings included (a ']' inside a string does not end it).</summary>
        private void SkipArray()
        {
            var depth = 0;
            while (position < bytes.Length)
            {
                switch (bytes[position])
                {
                    case (byte)'[':
                        depth++;
                        position++;
                        break;
                    case (byte)']':
                        position++;
                        if (--depth == 0) return;
                        break;
                    case (byte)'(':
                        SkipString();
                        break;
                    case (byte)'%':
                        SkipComment();
                        break;
                    default:
                        position++;
                        break;
                }
            }
        }

        /// <summary>Steps over a dictionary (marked-content properties, never text), nested ones and strings included.</summary>
        private void SkipDictionary()
        {
            var depth = 0;
            while (position < bytes.Length)
            {
                var b = bytes[position];
                if (b == '<' && position + 1 < bytes.Length && bytes[position + 1] == '<')
                {
                    depth++;
                    position += 2;
                }
                else if (b == '>' && position + 1 < bytes.Length && bytes[position + 1] == '>')
                {
                    position += 2;
                    if (--depth == 0) return;
                }
                else if (b == '<')
                {
                    // A hex string: its closing '>' must not be taken for half of the dictionary's end.
                    var end = bytes[position..].IndexOf((byte)'>');
                    position = end < 0 ? bytes.Length : position + end + 1;
                }
                else if (b == '(')
                {
                    SkipString();
                }
                else if (b == '%')
                {
                    SkipComment();
                }
                else
                {
                    position++;
                }
            }
        }

        private void SkipString()
        {
            var mark = scratchLength;
            ReadLiteralString();
            scratchLength = mark;
        }

        /// <summary>
        /// BI: the image's dictionary, token by token, up to the operator ID and the one whitespace byte after it; then
        /// its data up to the "EI" PdfPig accepts as the end: one with whitespace before it, followed by six bytes of
        /// plain text with whitespace among them (or by the end of the stream). An image without an end runs to the end
        /// of the stream, as in PdfPig's lenient parsing.
        /// </summary>
        private void SkipInlineImage()
        {
            while (position < bytes.Length)
            {
                var b = bytes[position];
                if (IsWhitespaceOrControl(b))
                {
                    position++;
                    continue;
                }
                switch (b)
                {
                    case (byte)'%':
                        SkipComment();
                        continue;
                    case (byte)'(':
                        SkipString();
                        continue;
                    case (byte)'<' when position + 1 < bytes.Length && bytes[position + 1] == '<':
                        SkipDictionary();
                        continue;
                    case (byte)'<':
                        ReadHexString();
                        scratchLength = 0;
                        continue;
                    case (byte)'[':
                        SkipArray();
                        continue;
                    case (byte)'/':
                        ReadName();
                        continue;
                    case (byte)'+' or (byte)'-' or (byte)'.' or >= (byte)'0' and <= (byte)'9':
                        if (!TryReadNumber(out _)) SkipMalformedToken();
                        continue;
                }
                var start = position;
                position++;
                while (position < bytes.Length && !EndsPlainToken(bytes[position])) position++;
                if (bytes[start..position].SequenceEqual("ID"u8))
                {
                    if (position < bytes.Length && IsWhitespace(bytes[position])) position++;
                    break;
                }
            }

            var dataStart = position;
            for (; position < bytes.Length; position++)
            {
                if (bytes[position] != 'I' || position - dataStart < 2 || bytes[position - 1] != 'E' || !IsWhitespace(bytes[position - 2])) continue;
                if (LooksLikeContentAfter(position + 1))
                {
                    position++;
                    return;
                }
            }
        }

        private readonly bool LooksLikeContentAfter(int from)
        {
            if (from + 6 > bytes.Length) return true;
            var whitespace = false;
            foreach (var b in bytes.Slice(from, 6))
            {
                if (IsWhitespace(b))
                {
                    whitespace = true;
                    continue;
                }
                if (b > 127 || (b < 32 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t'))) return false;
            }
            return whitespace;
        }

        private void Append(byte b)
        {
            if (scratchLength == scratch.Length) Array.Resize(ref scratch, Math.Max(64, scratch.Length * 2));
            scratch[scratchLength++] = b;
        }
    }

    private static readonly Encoding Windows1252 = CodePagesEncoding();

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    /// <summary>PdfPig's scanner passes over whitespace and every control character (char.IsControl: 0-31, 127-159)
    /// between tokens.</summary>
    private static bool IsWhitespaceOrControl(byte b) => b <= 32 || b is >= 127 and <= 159;

    private static bool EndsPlainToken(byte b) =>
        IsWhitespace(b) || b is (byte)'<' or (byte)'[' or (byte)'/' or (byte)']' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'%';

    private static bool IsEndOfName(byte b) =>
        b is (byte)' ' or 13 or 10 or 9 or (byte)'>' or (byte)'<' or (byte)'[' or (byte)'/' or (byte)']' or (byte)')' or (byte)'(' or 0 or 12;
}
