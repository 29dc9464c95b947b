package org.parley.it;

import java.io.File;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the EAR this module just built, exactly as it
 * ships, plus a small WAR holding the test classes (Arquillian runs in-container tests there,
 * marked with Testable since the EAR has several WARs).
 */
public final class ParleyDeployment {

    private ParleyDeployment() {
    }

    public static EnterpriseArchive ear(Class<?>... testClasses) {
        File built = new File(System.getProperty("parley.ear", "target/parley.ear"));
        if (!built.isFile()) {
            throw new IllegalStateException("EAR not built: " + built.getAbsolutePath());
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "test.war")
                .addClass(ParleyDeployment.class)
                .addClasses(testClasses)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return ear.addAsModule(Testable.archiveToTest(tests));
    }
}
