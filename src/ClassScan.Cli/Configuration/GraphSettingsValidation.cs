using ClassScan.Sources.Graph;
using Microsoft.Extensions.Options;

namespace ClassScan.Cli.Configuration;

/// <summary>The Graph section's rules beyond its annotations: the base address must be an absolute http(s) URL.</summary>
internal sealed class GraphSettingsValidation : IValidateOptions<GraphSettings>
{
    public ValidateOptionsResult Validate(string? name, GraphSettings graph) =>
        Uri.TryCreate(graph.BaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(new SettingError("Graph:BaseUrl",
                $"'{graph.BaseUrl}' är ingen http(s)-adress (standard: {GraphConnectionOptions.DefaultBaseUrl}).").ToString());
}
