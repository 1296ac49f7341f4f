using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// The data annotations of one section's options type ([Range], [Required], [AllowedValues]), each failure naming
/// its setting ("Scan:Parallelism: är 0, måste vara 1–1024."). The stock DataAnnotationValidateOptions wraps every
/// message in an English sentence about the type's members, which is not what a coordinator should read at 01:30,
/// nor something to parse the key back out of.
/// </summary>
internal sealed class AnnotatedSettingsValidation<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        foreach (var property in typeof(T).GetProperties())
        {
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in property.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is not { ErrorMessage: { } message }) continue;
                // A number out of range is shown with its value; text is not echoed (it may be a path or a typo of a secret).
                var shown = attribute is RangeAttribute ? $"är {Convert.ToString(value, CultureInfo.InvariantCulture)}, {message}" : message;
                failures.Add(new SettingError($"{section}:{property.Name}", shown).ToString());
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
