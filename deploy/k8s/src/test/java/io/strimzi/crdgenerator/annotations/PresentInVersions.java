package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for the annotation of the same name in Strimzi's crd-generator, which io.strimzi:api's classes carry on
 * properties that exist only in some API versions (for example {@code spec.kafka.replicas}: v1beta2 only). That
 * artifact is not on Maven Central for 0.51.0, and without a class of this name on the class path the JVM drops the
 * annotation. With it, StrimziModel reads the versions and refuses a v1beta2-only property in a v1 resource.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
    /** A version range as Strimzi writes it: "v1beta2", "v1beta2+" or "v1alpha1-v1beta2". */
    String value();
}
