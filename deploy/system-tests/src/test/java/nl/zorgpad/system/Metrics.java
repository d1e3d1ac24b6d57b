package nl.zorgpad.system;

import io.restassured.RestAssured;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;

/** A service's Prometheus scrape ({@code /q/metrics}) and the values in it. */
final class Metrics {

    private Metrics() {
    }

    /** The scrape of the service at {@code serviceUrl}; fails the test unless it answers 200. */
    static String scrape(String serviceUrl) {
        return RestAssured.given().baseUri(serviceUrl).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The values of the scrape's lines that {@code line} accepts (a line is {@code name{labels} value}). */
    static DoubleStream values(String scrape, Predicate<String> line) {
        return scrape.lines().filter(line).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)));
    }
}
