using System.Collections;
using ClassScan.Core.Privacy;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// Masks identity numbers in every message and text property before the event reaches any log (console or file),
/// whatever the backend: a log line names the file it is about, and file names carry personnummer. Exception texts
/// are masked by the file's formatter (<see cref="MaskedExceptionFormatter"/>, with <see cref="SafeText"/>).
/// </summary>
internal sealed class RedactingLogger(ILogger inner, INameRedactor names) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        var redacted = new RedactedState(names.Redact(formatter(state, exception)), Properties(state));
        inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
    }

    private IReadOnlyList<KeyValuePair<string, object?>> Properties<TState>(TState state)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> properties) return [];
        var list = new KeyValuePair<string, object?>[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var (key, value) = properties[i];
            // The template itself is ours; values of other types (counts, times) hold no names.
            list[i] = new(key, value is string text && key != "{OriginalFormat}" ? names.Redact(text) : value);
        }
        return list;
    }

    /// <summary>The event as the providers see it: the masked message, and the template's properties, masked.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> properties) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => properties.Count;

        public KeyValuePair<string, object?> this[int index] => properties[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
