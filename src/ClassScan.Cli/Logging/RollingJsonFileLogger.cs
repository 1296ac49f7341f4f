using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClassScan.Core.Privacy;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// Writes one JSON object per event: time, level, category, event, message, the template's properties and,
/// for an exception, its type, a masked message (<see cref="SafeText"/>: a parser may quote the bytes it choked
/// on) and the stack trace. Nothing else from the event reaches the file.
/// </summary>
internal sealed class RollingJsonFileLogger(string category, RollingFileWriter writer, LogLevel minimum, TimeProvider time) : ILogger
{
    // Readable åäö and '+' for people tailing the log; still valid JSON (see JsonLinesReportSink).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("time", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", logLevel.ToString());
            json.WriteString("category", category);
            if (eventId.Id != 0 || eventId.Name is not null)
            {
                json.WriteNumber("eventId", eventId.Id);
                if (eventId.Name is { } name) json.WriteString("event", name);
            }
            json.WriteString("message", formatter(state, exception));
            if (state is IReadOnlyList<KeyValuePair<string, object?>> properties && properties.Count > 1)
            {
                json.WriteStartObject("properties");
                foreach (var (key, value) in properties)
                {
                    if (key == "{OriginalFormat}") continue;
                    WriteValue(json, key, value);
                }
                json.WriteEndObject();
            }
            if (exception is not null)
            {
                json.WriteStartObject("exception");
                json.WriteString("type", exception.GetType().FullName);
                json.WriteString("message", SafeText.Message(exception.Message, 300));
                if (exception.StackTrace is { } stack) json.WriteString("stack", stack);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        writer.WriteLine(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool b: json.WriteBoolean(key, b); break;
            case int i: json.WriteNumber(key, i); break;
            case long l: json.WriteNumber(key, l); break;
            case double d when double.IsFinite(d): json.WriteNumber(key, Math.Round(d, 3)); break;
            case IFormattable f: json.WriteString(key, f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteString(key, value.ToString()); break;
        }
    }
}
