using System.Xml;

namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>The one way a training file's XML is opened: no DTD (so no entity expansion), nothing fetched from outside.</summary>
internal static class SafeXml
{
    public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    });
}
