using System.Text;
using ClassScan.Core.Privacy;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;

namespace ClassScan.Cli.Logging;

/// <summary>
/// Serilog's compact JSON (<c>@t</c>, <c>@mt</c>, <c>@l</c>, properties, <c>@x</c>), except that an exception is
/// written as its type, its message masked with <see cref="SafeText"/> (a parser may quote the bytes it choked on)
/// and its stack trace; inner exceptions likewise. The raw message never reaches the file. Message and properties
/// arrive masked already (<see cref="RedactingLogger"/>). Åäö are written as they are, not escaped.
/// </summary>
internal sealed class MaskedExceptionFormatter : ITextFormatter
{
    private const int MaxMessage = 300;

    private readonly CompactJsonFormatter inner = new();

    public void Format(LogEvent logEvent, TextWriter output)
    {
        if (logEvent.Exception is { } exception and not MaskedException)
        {
            logEvent = new LogEvent(logEvent.Timestamp, logEvent.Level, new MaskedException(exception), logEvent.MessageTemplate,
                logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)), logEvent.TraceId ?? default, logEvent.SpanId ?? default);
        }
        inner.Format(logEvent, output);
    }

    /// <summary>Stands in for the logged exception: <see cref="ToString"/> is what the formatter writes as <c>@x</c>.</summary>
    private sealed class MaskedException(Exception original) : Exception(SafeText.Message(original.Message, MaxMessage))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString()
        {
            var text = new StringBuilder();
            for (var e = original; e is not null; e = e.InnerException)
            {
                if (e != original) text.Append(" ---> ");
                text.Append(e.GetType().FullName).Append(": ").Append(SafeText.Message(e.Message, MaxMessage));
            }
            if (original.StackTrace is { } stack) text.Append('\n').Append(stack);
            return text.ToString();
        }
    }
}
