package nl.zorgpad.referral.fhir;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Reads and writes HAPI's resources as {@code application/fhir+json} (plain JSON is accepted too). */
public final class FhirBodies {

    private FhirBodies() {
    }

    @Provider
    @Produces({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public static class Writer implements MessageBodyWriter<IBaseResource> {

        private final FhirFormat fhir;

        public Writer(FhirFormat fhir) {
            this.fhir = fhir;
        }

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return IBaseResource.class.isAssignableFrom(type);
        }

        @Override
        public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream body)
                throws IOException {
            body.write(fhir.write(resource).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Provider
    @Consumes({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public static class Reader implements MessageBodyReader<IBaseResource> {

        private final FhirFormat fhir;

        public Reader(FhirFormat fhir) {
            this.fhir = fhir;
        }

        @Override
        public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return IBaseResource.class.isAssignableFrom(type);
        }

        @Override
        public IBaseResource readFrom(Class<IBaseResource> type, Type genericType, Annotation[] annotations,
                                      MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
                throws IOException {
            return fhir.read(type, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
