using System.Reflection;
using System.Text.Json;
using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting;

/// <summary>
/// The columns of a CSV row type as the CSV writer sees them (CsvHelper's <see cref="NameAttribute"/> and
/// <see cref="IndexAttribute"/>, in index order, <see cref="IgnoreAttribute"/> left out), for the formats that are not
/// CSV: results.jsonl names and orders its fields from the same list, so a column added to results.csv is in the
/// JSON too. Values are typed by the property: text, whole numbers, booleans, and null for an empty nullable number.
/// </summary>
internal static class ReportColumns<TRow>
{
    public static IReadOnlyList<ReportColumn<TRow>> All { get; } = typeof(TRow)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<IgnoreAttribute>() is null)
        .OrderBy(p => p.GetCustomAttribute<IndexAttribute>()?.Index ?? int.MaxValue)
        .Select(p => new ReportColumn<TRow>(p.GetCustomAttribute<NameAttribute>()?.Names[0] ?? p.Name, JsonWriter(p)))
        .ToList();

    /// <summary>Writes the row as one JSON object, the columns as its properties.</summary>
    public static void WriteJson(Utf8JsonWriter json, TRow row)
    {
        json.WriteStartObject();
        foreach (var column in All) column.WriteJson(json, row);
        json.WriteEndObject();
    }

    private static Action<Utf8JsonWriter, TRow> JsonWriter(PropertyInfo p)
    {
        var name = JsonEncodedText.Encode(p.GetCustomAttribute<NameAttribute>()?.Names[0] ?? p.Name);
        var type = p.PropertyType;
        if (type == typeof(string))
        {
            var text = Get<string?>(p);
            return (j, r) => j.WriteString(name, text(r));
        }
        if (type == typeof(int))
        {
            var number = Get<int>(p);
            return (j, r) => j.WriteNumber(name, number(r));
        }
        if (type == typeof(long))
        {
            var number = Get<long>(p);
            return (j, r) => j.WriteNumber(name, number(r));
        }
        if (type == typeof(bool))
        {
            var flag = Get<bool>(p);
            return (j, r) => j.WriteBoolean(name, flag(r));
        }
        if (type == typeof(int?))
        {
            var number = Get<int?>(p);
            return (j, r) =>
            {
                if (number(r) is { } n) j.WriteNumber(name, n);
                else j.WriteNull(name);
            };
        }
        // A column of another type would be written one way in the CSV and guessed at here: decide it when adding it.
        throw new NotSupportedException($"{typeof(TRow).Name}.{p.Name}: no JSON form for {type.Name}");
    }

    private static Func<TRow, T> Get<T>(PropertyInfo p) => p.GetMethod!.CreateDelegate<Func<TRow, T>>();
}
