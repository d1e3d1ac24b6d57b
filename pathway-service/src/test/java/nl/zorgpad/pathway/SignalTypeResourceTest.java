package nl.zorgpad.pathway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalTypeResourceTest {

    @Test
    void catalogueListsTheNationalSignalTypesWithLabelsAndDomain() {
        given().auth().oauth2(DemoTokens.forUser("daan"))
                .when().get("/api/signal-types")
                .then().statusCode(200)
                .body("$", hasSize(18))
                .body("code", hasItems("financial-debt", "domestic-violence", "teen-parent", "smoking"))
                .body("find { it.code == 'financial-debt' }.labelNl", equalTo("Schulden"))
                .body("find { it.code == 'financial-debt' }.domain", equalTo("money"));
    }

    @Test
    void everyNationalSignalTypeHasADutchDescriptionBesideTheEnglishOne() {
        given().auth().oauth2(DemoTokens.forUser("daan"))
                .when().get("/api/signal-types")
                .then().statusCode(200)
                .body("find { it.code == 'financial-debt' }.descriptionNl", equalTo(
                        "Betalingsachterstanden of schulden waardoor het gezin voortdurend onder spanning staat."))
                .body("find { it.code == 'financial-debt' }.description", equalTo(
                        "Payment arrears or debts that cause chronic stress in the household."))
                .body("find { it.code == 'domestic-violence' }.descriptionNl",
                        containsString("bel dan meteen Veilig Thuis of 112"))
                .body("findAll { it.regionId == null }.size()", equalTo(18))
                .body("findAll { it.regionId == null && (it.descriptionNl == null"
                        + " || it.descriptionNl == it.description) }.code", empty());
    }
}
