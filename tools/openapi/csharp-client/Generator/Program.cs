// Writes a C# client (NSwag, Newtonsoft.Json) for the OpenAPI document at args[0] to args[1]: what a third party
// would generate from ClinicHip's contract, with nothing edited by hand.
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using NJsonSchema.CodeGeneration.CSharp;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Generator <openapi.json> <output.cs>");
    return 2;
}

var document = await OpenApiDocument.FromFileAsync(args[0]);
var settings = new CSharpClientGeneratorSettings
{
    ClassName = "ClinicHipClient",
    UseBaseUrl = true,
    GenerateExceptionClasses = true,
    ExceptionClass = "ClinicHipApiException",
    OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
    CSharpGeneratorSettings =
    {
        Namespace = "ClinicHip.ContractClient",
        // Newtonsoft reads enum values by their EnumMember names (appointment.slot-conflict); System.Text.Json's
        // converter, as NSwag writes it, does not.
        JsonLibrary = CSharpJsonLibrary.NewtonsoftJson,
        DateType = "System.DateOnly",
        TimeType = "System.TimeOnly",
        GenerateNullableReferenceTypes = true,
        GenerateOptionalPropertiesAsNullable = true,
    },
};
var code = new CSharpClientGenerator(document, settings).GenerateFile();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
await File.WriteAllTextAsync(args[1], code);
Console.WriteLine($"Generated {args[1]} ({document.Operations.Count()} operations).");
return 0;
