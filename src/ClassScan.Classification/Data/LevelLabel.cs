using System.Globalization;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Data;

/// <summary>
/// The level(s) a labelled document may have. The rule book lets a label say "0|1" where a document is honestly
/// ambiguous between öppen and intern; then either level is right.
/// </summary>
public readonly record struct LevelLabel
{
    private readonly byte mask;

    private LevelLabel(byte mask) => this.mask = mask;

    /// <summary>A label that accepts exactly <paramref name="level"/>.</summary>
    public static LevelLabel Of(KlassaLevel level) => new((byte)(1 << (int)level));

    /// <summary>A label that accepts any of <paramref name="levels"/>.</summary>
    public static LevelLabel AnyOf(params KlassaLevel[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Length == 0) throw new ArgumentException("A label needs at least one level.", nameof(levels));
        byte m = 0;
        foreach (var l in levels) m |= (byte)(1 << (int)CheckLevel(l));
        return new(m);
    }

    /// <summary>Parses "0".."3" or alternatives joined by '|' ("0|1").</summary>
    /// <exception cref="FormatException">Not a level or list of levels.</exception>
    public static LevelLabel Parse(string text)
    {
        if (!TryParse(text, out var label))
            throw new FormatException($"Not a KLASSA level (0-3, or alternatives such as 0|1): '{text}'.");
        return label;
    }

    public static bool TryParse(string? text, out LevelLabel label)
    {
        label = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        byte m = 0;
        foreach (var part in text.Split('|', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v is < 0 or > 3) return false;
            m |= (byte)(1 << v);
        }
        label = new(m);
        return true;
    }

    /// <summary>True when the label allows more than one level.</summary>
    public bool IsAmbiguous => (mask & (mask - 1)) != 0;

    /// <summary>True when the label is usable (default instances accept nothing).</summary>
    public bool IsValid => mask != 0;

    /// <summary>The accepted levels, lowest first.</summary>
    public IReadOnlyList<KlassaLevel> Levels
    {
        get
        {
            var list = new List<KlassaLevel>(4);
            for (var i = 0; i < 4; i++)
                if ((mask & (1 << i)) != 0) list.Add((KlassaLevel)i);
            return list;
        }
    }

    /// <summary>True when every accepted level is 2 or 3: the document must leave M365.</summary>
    public bool MustLeave => mask != 0 && (mask & 0b0011) == 0;

    public bool Accepts(KlassaLevel level) => (mask & (1 << (int)level)) != 0;

    /// <summary>
    /// The single level to count <paramref name="predicted"/> against in a confusion matrix: the prediction itself
    /// when the label accepts it, else the accepted level nearest to it (the smallest error; ties go to the lower).
    /// </summary>
    public KlassaLevel Resolve(KlassaLevel predicted)
    {
        if (Accepts(predicted)) return predicted;
        var best = -1;
        for (var i = 0; i < 4; i++)
        {
            if ((mask & (1 << i)) == 0) continue;
            if (best < 0 || Math.Abs(i - (int)predicted) < Math.Abs(best - (int)predicted)) best = i;
        }
        if (best < 0) throw new InvalidOperationException("An empty label accepts no level.");
        return (KlassaLevel)best;
    }

    public override string ToString() => string.Join('|', Levels.Select(l => ((int)l).ToString(CultureInfo.InvariantCulture)));

    private static KlassaLevel CheckLevel(KlassaLevel level) =>
        level is >= KlassaLevel.Oppen and <= KlassaLevel.StriktKonfidentiell
            ? level
            : throw new ArgumentOutOfRangeException(nameof(level), level, "KLASSA levels are 0-3.");
}
