# Interface endpoints for the services given, in the subnets given, behind one security group
# admitting HTTPS from the CIDRs given; an S3 gateway endpoint on the route tables given.

variable "name" {
  description = "Prefix of the resources' names"
  type        = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "One subnet per AZ: each endpoint gets an ENI in each"
  type        = list(string)
}

variable "route_table_ids" {
  description = "The route tables the S3 gateway endpoint puts its route on"
  type        = list(string)
}

variable "allowed_cidrs" {
  description = "Who may reach the interface endpoints (TCP 443)"
  type        = list(string)
}

variable "services" {
  description = "Interface endpoint services (ssm, ssmmessages, ...)"
  type        = list(string)
}

data "aws_region" "current" {}

resource "aws_security_group" "endpoints" {
  name        = "${var.name}-endpoints"
  description = "HTTPS to the interface endpoints"
  vpc_id      = var.vpc_id
  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }
  tags = { Name = "${var.name}-endpoints" }
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(var.services)
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
  tags                = { Name = "${var.name}-${each.key}" }
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = var.route_table_ids
  tags              = { Name = "${var.name}-s3" }
}

output "security_group_id" {
  value = aws_security_group.endpoints.id
}

output "interface_endpoint_ids" {
  value = { for k, e in aws_vpc_endpoint.interface : k => e.id }
}
