package org.unlearnstability.audit;

import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;

/**
 * One case of the claims audit: a family of a given kind and shape, built from parameters, with the
 * hyper-parameters of update (2). Local search moves the parameters (and alpha and eta where the claim
 * lets them vary); the shape, n_r, n_f and B stay fixed.
 *
 * @param kind the generator kind
 * @param shape the family shape
 * @param params the family parameters of the shape
 * @param alpha the forget weight
 * @param eta the learning rate
 * @param batch B
 */
record AuditCase(FamilyKind kind, FamilyShape shape, double[] params, double alpha, double eta, int batch) {

    /** Copies the parameters. */
    AuditCase {
        params = params.clone();
    }

    /** @return the family */
    HessianFamily family() {
        return shape.build(params);
    }

    /** @return the hyper-parameters */
    Hyperparameters hyper() {
        return new Hyperparameters(eta, alpha, batch);
    }

    /**
     * @param newParams other family parameters
     * @param newAlpha another alpha
     * @param newEta another eta
     * @return the case with these values
     */
    AuditCase with(double[] newParams, double newAlpha, double newEta) {
        return new AuditCase(kind, shape, newParams, newAlpha, newEta, batch);
    }
}
