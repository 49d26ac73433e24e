import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./api";

export const adminKeys = { all: ["admin"] as const };

export const unitsQuery = () =>
  queryOptions({ queryKey: ["admin", "units"] as const, queryFn: () => unwrap(api.api.admin.units.$get()) });
export const scopesQuery = () =>
  queryOptions({
    queryKey: ["admin", "scopes"] as const,
    queryFn: () => unwrap(api.api.admin.scopes.$get()),
  });
export const usersQuery = () =>
  queryOptions({ queryKey: ["admin", "users"] as const, queryFn: () => unwrap(api.api.admin.users.$get()) });
export const lineageQuery = () =>
  queryOptions({
    queryKey: ["admin", "lineage"] as const,
    queryFn: () => unwrap(api.api.admin.lineage.$get()),
  });

type Json<T> = T extends (args: { json: infer J }) => unknown ? J : never;

function useAdminMutation<A, R>(fn: (body: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.all }) });
}

export const usePutUnit = () =>
  useAdminMutation((json: Json<typeof api.api.admin.units.$put>) =>
    unwrap(api.api.admin.units.$put({ json })),
  );
export const usePutScope = () =>
  useAdminMutation((json: Json<typeof api.api.admin.scopes.$put>) =>
    unwrap(api.api.admin.scopes.$put({ json })),
  );
export const useCreateUser = () =>
  useAdminMutation((json: Json<typeof api.api.admin.users.$post>) =>
    unwrap(api.api.admin.users.$post({ json })),
  );
export const useRecordLineage = () =>
  useAdminMutation((json: Json<typeof api.api.admin.lineage.$post>) =>
    unwrap(api.api.admin.lineage.$post({ json })),
  );

/** Sign-in delays currently applied, per account and per address; refreshed while shown. */
export const throttlesQuery = () =>
  queryOptions({
    queryKey: ["admin", "throttles"] as const,
    queryFn: () => unwrap(api.api.admin.throttles.$get()),
    refetchInterval: 15_000,
  });

/** Disable an account (its sessions end at once) or enable it again. */
export const useSetUserDisabled = () =>
  useAdminMutation(({ username, disabled }: { username: string; disabled: boolean }) =>
    unwrap(api.api.admin.users[":username"].disabled.$put({ param: { username }, json: { disabled } })),
  );

/** Lift one sign-in delay. */
export const useLiftThrottle = () =>
  useAdminMutation(({ kind, subject }: { kind: "account" | "address"; subject: string }) =>
    unwrap(api.api.admin.throttles[":kind"][":subject"].$delete({ param: { kind, subject } })),
  );
