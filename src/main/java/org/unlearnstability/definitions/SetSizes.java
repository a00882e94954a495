package org.unlearnstability.definitions;

/**
 * The sizes n_r = |D_r| and n_f = |D_f| of the retain and forget sets (section 2.1), all that
 * Definition 2 and the batch-size domain of update (2) need to know of a Hessian family.
 */
public interface SetSizes {
    /** @return n_r, the number of retain samples */
    int nRetain();

    /** @return n_f, the number of forget samples */
    int nForget();
}
