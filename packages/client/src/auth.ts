import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./api";

export const meQuery = () =>
  queryOptions({
    queryKey: ["me"] as const,
    queryFn: () => unwrap(api.api.me.$get()),
    retry: false,
    staleTime: 60_000,
  });

export const sessionsQuery = () =>
  queryOptions({ queryKey: ["me", "sessions"] as const, queryFn: () => unwrap(api.api.me.sessions.$get()) });

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(api.api.auth.login.$post({ json: body })),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.auth.logout.$post()),
    onSettled: () => qc.clear(),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { oldPassword: string; newPassword: string }) =>
      unwrap(api.api.me.password.$post({ json: body })),
  });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.api.me.sessions[":id"].$delete({ param: { id } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["me", "sessions"] }),
  });
}
