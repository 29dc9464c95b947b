package org.parley.it;

import java.io.File;
import java.net.URISyntaxException;

import net.bytebuddy.ByteBuddy;

import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.parley.sip.testkit.RawSip;
import org.parley.xccos.XccosCodec;

/**
 * The deployment every integration test uses: the EAR this module just built, exactly as it
 * ships, plus a small WAR holding the test classes and the test clients' kit (Arquillian runs in-container tests there,
 * marked with Testable since the EAR has several WARs).
 */
public final class ParleyDeployment {

    private ParleyDeployment() {}

    /** The SIP test kit and the XCCOS codec, for in-container tests that act as SIP clients. */
    private static JavaArchive testkit() {
        return ShrinkWrap.create(JavaArchive.class, "parley-test-clients.jar")
                .addPackage(RawSip.class.getPackage())
                .addPackage(XccosCodec.class.getPackage());
    }

    /**
     * The jar a test library's class was loaded from, as is: in-container tests assert with AssertJ, which the server
     * does not have (nor byte-buddy, which AssertJ needs for some assertions).
     */
    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no jar for " + type, e);
        }
    }

    public static EnterpriseArchive ear(Class<?>... testClasses) {
        EnterpriseArchive ear = shipped();
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "test.war")
                .addClasses(ParleyDeployment.class, XccosTestClient.class, SipServer.class, TestRun.class)
                .addClasses(testClasses)
                .addAsLibraries(testkit())
                .addAsLibraries(jarOf(Assertions.class), jarOf(ByteBuddy.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return ear.addAsModule(Testable.archiveToTest(tests));
    }

    /**
     * The EAR alone, for tests that only act from outside (deploy it with {@code testable = false}): their
     * classes may use libraries the server does not have, such as a browser driver.
     */
    public static EnterpriseArchive shipped() {
        File built = new File(System.getProperty("parley.ear", "target/parley.ear"));
        if (!built.isFile()) {
            throw new IllegalStateException("EAR not built: " + built.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
    }
}
